-- Counts the formulas of a document as pandoc reads it, for bench/oracle.py: pandoc's Math
-- elements, plus what the lesson's dialect renders as math and pandoc leaves as something else.
-- Prints one line per formula to standard error: "display|inline<TAB>latex".
--
-- The dialect comes in the metadata field `litmus-dialect` (jupyter, kramdown, d2l, myst,
-- quarto); pandoc's own reader options (tex_math_single_backslash, …) are set by the caller.
--   * every dialect: ```math fences, and raw TeX blocks that are math environments
--     (\begin{align} …), which MathJax and KaTeX render;
--   * jupyter, kramdown, d2l, myst: `$ x $` with spaces inside, which pandoc's `$` rule does not
--     read but Jupyter's and MathJax's do: leftover `$` and `$$` in a block's text pair up;
--   * myst: ```{math} directives, {math}`…` roles, and the Markdown inside admonitions
--     (```{note}), read again by pandoc.

local dialect = "jupyter"
local found = {}

local math_environments = {
  equation = true, ["equation*"] = true, align = true, ["align*"] = true, aligned = true,
  alignat = true, ["alignat*"] = true, gather = true, ["gather*"] = true, gathered = true,
  multline = true, ["multline*"] = true, flalign = true, ["flalign*"] = true, eqnarray = true,
  ["eqnarray*"] = true, split = true, displaymath = true,
}

local markdown_directives = {
  note = true, warning = true, tip = true, important = true, hint = true, caution = true,
  danger = true, error = true, attention = true, seealso = true, admonition = true, topic = true,
  sidebar = true, margin = true, dropdown = true, epigraph = true, ["pull-quote"] = true,
  div = true, card = true, ["tab-item"] = true, exercise = true, solution = true, proof = true,
  theorem = true, lemma = true, definition = true, example = true, remark = true,
}

local function add(display, text)
  found[#found + 1] = (display and "display" or "inline") .. "\t" .. text:gsub("[\n\t]", " ")
end

local function relaxed_dollars()
  return dialect == "jupyter" or dialect == "kramdown" or dialect == "d2l" or dialect == "myst"
end

-- The text of a list of inlines as Jupyter's `$` rule sees it, appended to `text`.
local function collect(list, text)
  for _, el in ipairs(list) do
    if el.t == "Str" then
      text[#text + 1] = el.text
    elseif el.t == "Space" or el.t == "SoftBreak" or el.t == "LineBreak" then
      text[#text + 1] = " "
    elseif el.content and type(el.content) == "table" and el.t ~= "Note" then
      collect(el.content, text)
    else
      -- Math (already counted), code, raw TeX: none holds a delimiter.
      text[#text + 1] = " "
    end
  end
end

-- The `$` and `$$` that pandoc left in a text, paired left to right.
local function pair_dollars(joined)
  local open = nil
  local i = 1
  while i <= #joined do
    local c = joined:sub(i, i)
    if c == "$" then
      local kind = joined:sub(i + 1, i + 1) == "$" and "$$" or "$"
      if open == nil then
        open = { kind = kind, at = i + #kind }
      elseif open.kind == kind then
        add(kind == "$$", joined:sub(open.at, i - 1))
        open = nil
      end
      i = i + #kind
    else
      i = i + 1
    end
  end
end

-- Pairs the leftover dollars of each paragraph of a list of blocks. pandoc splits a paragraph
-- at raw TeX standing at the start of a line (`$` ⏎ `\begin{bmatrix}` … `$`), which Jupyter
-- reads inside the paragraph: paragraphs on both sides of such a block are one text.
local function pair_blocks(blocks)
  local text = nil
  local function flush()
    if text then pair_dollars(table.concat(text)) end
    text = nil
  end
  for index, el in ipairs(blocks) do
    if el.t == "Para" or el.t == "Plain" then
      local previous = blocks[index - 1]
      if not (previous and previous.t == "RawBlock" and text) then flush() end
      text = text or {}
      collect(el.content, text)
    elseif el.t == "RawBlock" and (el.format == "tex" or el.format == "latex") and text then
      text[#text + 1] = " "
    else
      flush()
      if el.t == "Header" then
        text = {}
        collect(el.content, text)
        flush()
      end
    end
  end
  flush()
end

local function is_math_environment(text)
  local name = text:match("^%s*\\begin%s*{([%a*]+)}")
  return name ~= nil and math_environments[name]
end

local function directive_name(classes)
  for _, class in ipairs(classes) do
    local name = class:match("^{(.+)}$")
    if name then return name end
  end
  return nil
end

local function count_document(doc)
  doc:walk({
    Math = function(el) add(el.mathtype == "DisplayMath", el.text) end,
    RawBlock = function(el)
      if (el.format == "tex" or el.format == "latex") and is_math_environment(el.text) then
        add(true, el.text)
      end
    end,
    RawInline = function(el)
      if (el.format == "tex" or el.format == "latex") and is_math_environment(el.text) then
        add(true, el.text)
      end
    end,
    CodeBlock = function(el)
      if el.classes:includes("math") then
        add(true, el.text)
        return
      end
      if dialect ~= "myst" then return end
      local name = directive_name(el.classes)
      if name == "math" then
        -- Options (`:label: x`) come first.
        add(true, (el.text:gsub("^%s*:[%w_-]+:[^\n]*\n", "")))
      elseif name and (markdown_directives[name] or name:match("^prf:")) then
        local body = el.text:gsub("^(:[%w_-]+:[^\n]*\n)+", "")
        count_document(pandoc.read(body, "commonmark_x"))
      end
    end,
    Inlines = function(inlines)
      if dialect == "myst" then
        for i = 2, #inlines do
          local before = inlines[i - 1]
          if inlines[i].t == "Code" and before.t == "Str" and before.text:match("{math}$") then
            add(false, inlines[i].text)
          end
        end
      end
    end,
    Blocks = function(blocks) if relaxed_dollars() then pair_blocks(blocks) end end,
  })
end

function Pandoc(doc)
  if doc.meta["litmus-dialect"] then dialect = pandoc.utils.stringify(doc.meta["litmus-dialect"]) end
  count_document(doc)
  for _, line in ipairs(found) do io.stderr:write(line, "\n") end
  return doc
end

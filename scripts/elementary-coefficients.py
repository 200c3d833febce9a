#!/usr/bin/env python3
"""Derives the constants of NeuralCore's elementary functions (Sources/NeuralCore/Numerics/Elementary).

Every constant is a mathematical quantity evaluated with mpmath at 60 significant digits and then
rounded once to the nearest Double (printed as a hexadecimal literal), so running this again gives
the same bits. Needs mpmath (Debian: python3-mpmath; only to derive the constants, not to build).
Usage: python3 scripts/elementary-coefficients.py [section], sections: reduction, exp, log, erf,
cos (all by default).
"""
import sys
from mpmath import mp, mpf, erf, exp, factorial, hermite, log, pi, sqrt

mp.dps = 60


def d(x):
    """x rounded to the nearest Double, as a Swift hexadecimal literal."""
    return float(x).hex()


def rounded_to_bits(x, bits):
    """x rounded to `bits` significant bits (for a Cody–Waite high part)."""
    exponent = int(mp.floor(mp.log(abs(x), 2)))
    scale = mpf(2) ** (bits - 1 - exponent)
    return mp.nint(x * scale) / scale


def reduction():
    ln2 = log(2)
    # ln 2 = ln2Hi + ln2Lo; ln2Hi keeps 42 significant bits, so k·ln2Hi is exact for |k| < 2^11.
    hi = rounded_to_bits(ln2, 42)
    print("ln2Hi", d(hi), "ln2Lo", d(ln2 - hi), "1/ln2", d(1 / ln2))
    # exp(x) rounds to +inf above ln((2 − 2^−53)·2^1023), to 0 below ln(2^−1075).
    print("overflow", d(log((2 - mpf(2) ** -53) * mpf(2) ** 1023)), "underflow", d(log(mpf(2) ** -1075)))
    print("sqrt2", d(sqrt(2)))
    # log1p's direct range 1 + x in (√½, √2): the rounded √½ and √2 minus 1 (both exact).
    print("log1p bounds", d(mpf(float(1 / sqrt(2))) - 1), d(mpf(float(sqrt(2))) - 1))


def exp_coefficients():
    # e^r = 1 + r + r²·Σ_{n≥2} rⁿ⁻²/n!, Taylor to degree 13 (|r| ≤ ln2/2: tail < 2^−62).
    for n in range(2, 14):
        print(f"{d(1 / factorial(n))},  // 1/{n}!")


def log_coefficients():
    # log((1+s)/(1−s)) = 2s + s·Σ_{n≥1} 2·s²ⁿ/(2n+1), |s| ≤ 3 − 2√2.
    for n in range(1, 11):
        print(f"{d(mpf(2) / (2 * n + 1))},  // 2/{2 * n + 1}")


def erf_coefficients():
    # Near 0: erf(x) = x + x·Q(x²), Q(z) = (2/√π − 1) + (2/√π)·Σ_{n≥1} (−1)ⁿ zⁿ/(n!(2n+1)), |x| < ½.
    c = 2 / sqrt(pi)
    print(f"{d(c - 1)},  // 2/√π − 1")
    for n in range(1, 14):
        print(f"{d(c * (-1) ** n / (factorial(n) * (2 * n + 1)))},  // (2/√π)(−1)^{n}/({n}!·{2 * n + 1})")
    # About a = j/2 (j = 1…12): erf(a + h) = erf(a) + Σ_{n≥1} dₙhⁿ, |h| ≤ 1/4, with
    # dₙ = erf⁽ⁿ⁾(a)/n! = (2/√π)·(−1)ⁿ⁻¹·Hₙ₋₁(a)·e^{−a²}/n! (Hₙ the physicists' Hermite polynomials);
    # the series stops where the rest is below 2^−62·erf(a − 1/4).
    for j in range(1, 13):
        a = mpf(j) / 2
        value = erf(a)
        hi = mpf(float(value))
        coefficients = [c * (-1) ** (n - 1) * hermite(n - 1, a) * exp(-a * a) / factorial(n) for n in range(1, 64)]
        floor = mpf(2) ** -62 * erf(a - mpf(1) / 4)
        count = next(
            n for n in range(1, 60) if sum(abs(x) * mpf(1) / 4 ** (i + 1) for i, x in enumerate(coefficients) if i >= n) < floor)
        print(f"// a = {float(a):g}: erf(a) = hi + lo, then d1…d{count}")
        row = [d(hi), d(value - hi)] + [d(x) for x in coefficients[:count]]
        lines = [", ".join(row[i:i + 4]) for i in range(0, len(row), 4)]
        print("[\n    " + ",\n    ".join(lines) + ",\n],")


def cos_coefficients():
    # sin(πf/2) = f·Σ (−1)ⁿ (π/2)²ⁿ⁺¹ f²ⁿ/(2n+1)!, cos(πf/2) = Σ (−1)ⁿ (π/2)²ⁿ f²ⁿ/(2n)!, |f| ≤ 1/2.
    half_pi = pi / 2
    print("π/2 hi", d(half_pi), "lo", d(half_pi - mpf(float(half_pi))))
    c2 = -half_pi ** 2 / 2
    print("−(π/2)²/2! hi", d(c2), "lo", d(c2 - mpf(float(c2))))
    for n in range(1, 10):
        print(f"{d((-1) ** n * half_pi ** (2 * n + 1) / factorial(2 * n + 1))},  // (−1)^{n}·(π/2)^{2 * n + 1}/{2 * n + 1}!")
    for n in range(1, 10):
        print(f"{d((-1) ** n * half_pi ** (2 * n) / factorial(2 * n))},  // (−1)^{n}·(π/2)^{2 * n}/{2 * n}!")


sections = {"reduction": reduction, "exp": exp_coefficients, "log": log_coefficients, "erf": erf_coefficients,
            "cos": cos_coefficients}
for name in sys.argv[1:] or sections:
    print(f"// {name}")
    sections[name]()

import LitmusCLI

Litmus.runMain()

import LitmusCLI

Litmus.main()

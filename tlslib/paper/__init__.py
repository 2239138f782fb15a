"""What is specific to Carruzzo & Yu (2020): Table I, the paper's numbers and the book's choices, the ledger.

The physics modules directly under :mod:`tlslib` take a material and, where a model choice
enters, a parameter set; they never read a data file nor name a glass. Everything that does
lives here:

- :mod:`tlslib.paper.table1`       the validated loader of Table I and its recomputation
- :mod:`tlslib.paper.ledger`       the claims ledger: the words in ``claims.toml``, the verdicts
- :mod:`tlslib.paper.table1_audit` which inputs would give the printed C_th; the audit statements
"""

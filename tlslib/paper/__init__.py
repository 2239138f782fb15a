"""What is specific to Carruzzo & Yu (2020): Table I, the paper's numbers and the book's choices, the ledger.

The physics modules directly under :mod:`tlslib` take a material and, where a model choice
enters, a parameter set; they never read a data file nor name a glass. Everything that does
lives here:

- :mod:`tlslib.paper.files`            where the shipped data files are
- :mod:`tlslib.paper.table1`           the validated loader of Table I and its recomputation
- :mod:`tlslib.paper.atomic_weights`   the shipped atomic weights and the molar mass of a formula
- :mod:`tlslib.paper.simulations`      the cached local-field runs (data/dipole_gap_*.csv)
- :mod:`tlslib.paper.table1_audit`     Table I against Eq. (12): copied cells, formula volumes, spreads
- :mod:`tlslib.paper.measurement_band` the α of the measurements behind C_exp and below 1 K
- :mod:`tlslib.paper.budget`           the seeded error-budget run over Table I
- :mod:`tlslib.paper.registry`         ``@statement(claim_id)``: one registered function per claim
- :mod:`tlslib.paper.statements`       the paper's statements, recomputed (one per claim of ``claims.toml``)
- :mod:`tlslib.paper.ledger`           the claims ledger: the words in ``claims.toml``, tolerances, verdicts
"""

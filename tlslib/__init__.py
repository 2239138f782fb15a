"""tlslib: the physics of Carruzzo & Yu, PRL 124, 075902 (2020), as small functions in SI units.

One module per topic; the code of Eq. (N) is ``tlslib.equations.EQUATIONS[N]`` (its docstring
opens with "Eq. (N)"). The modules here take a material and, where a model choice enters, the
choice itself (α, Δ°_max, the relaxation branches n, the cut-off R_c) as an argument: the paper's
numbers and the book's choices live in data/parameters.toml, read by :mod:`tlslib.paper.parameters`
into ``PAPER``, a :class:`tlslib.parameter_set.ParameterSet`.

- :mod:`tlslib.equations`              Eq. number → its one canonical function
- :mod:`tlslib.parameter_set`          the frozen set of model choices (``PAPER.replace(...)``)
- :mod:`tlslib.elastic`                Debye velocity, v_o, ħω_D, T_D, ρv²v_o
- :mod:`tlslib.coupling`               γ_o (Eq. 5), γ_max (Eq. 13), γ_eff, γ(Δ°) (Eq. 10), Eq. 4 renormalization
- :mod:`tlslib.dos`                    P(ε,Δ°) (Eqs. 3, 8), Yu–Leggett (Eq. 6), ñ_o (Eq. 7), P̄ (Eq. 9)
- :mod:`tlslib.coupling_constant`      C (Eqs. 1, 12) and its high-temperature value (Eq. 15)
- :mod:`tlslib.observables`            Q⁻¹, Δv/v and its resonant and relaxation slopes, ℓ/λ (below Eq. 1; Eq. 15)
- :mod:`tlslib.wkb`                    barrier height from Eq. (14)
- :mod:`tlslib.standard_model`         Eq. (2) geometry (polarization triad, strain projection, random dipole), Eq. (3)
- :mod:`tlslib.polaron`                overlap exponent of Eq. (4), γ_o of Eq. (5), box mode sums, J_ij
- :mod:`tlslib.yu_leggett`             random 1/r³ fields with one coupling (Eq. 6)
- :mod:`tlslib.coupling_distribution`  P(γ²) from vector and tensor dipoles
- :mod:`tlslib.mean_field`             the random-field prefactor of Eq. (7)
- :mod:`tlslib.local_fields`           simulation of frozen and relaxed local fields (Eq. 7)
- :mod:`tlslib.effective_model`        the change of variables of Eqs. (8)–(11)
- :mod:`tlslib.measurement_alpha`      the α = γ_eff/γ_o each measurement selects (Eqs. 8, 10 vs. the standard model)
- :mod:`tlslib.error_budget`           model-choice and input factors on C (Eq. 12) and how they combine
- :mod:`tlslib.dipole_gap`             energy window of the local-field simulation, logarithmic dipole gap
- :mod:`tlslib.thermal_conductivity`   κ with the logarithmic correction from Eq. (10)
- :mod:`tlslib.sensitivity`            how C of Eq. (12) depends on ρ, v, v_o; inverting it for one input
- :mod:`tlslib.statistics`             binned densities, power-law fits, spreads, log slopes
- :mod:`tlslib.precision`              the printed-precision (half-unit) rule
- :mod:`tlslib.book`                  how the book records numbers (portable, verifiable) and shows tables
- :mod:`tlslib.materials`, :mod:`tlslib.chain`   data → prediction
- :mod:`tlslib.paper`                  Table I, the ledger and what else is specific to the paper
"""

from importlib.metadata import PackageNotFoundError, version

from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.validation import InputError

__all__ = ["InputError", "Material", "Prediction", "predict"]
try:
    #: pyproject.toml's version, as installed (the one place it is typed; tests/test_citation.py checks the others).
    __version__ = version("tlslib")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

"""tlslib: the physics of Carruzzo & Yu, PRL 124, 075902 (2020), as small functions in SI units.

One module per topic; a reader looking for the code of Eq. (N) finds it with
``grep -rn "Eq. (N)" tlslib``:

- :mod:`tlslib.elastic`            Debye velocity, v_o, ħω_D, T_D, ρv²v_o
- :mod:`tlslib.coupling`           γ_o (Eq. 5), γ_max (Eq. 13), γ_eff, γ(Δ°) (Eq. 10), Eq. 4 renormalization
- :mod:`tlslib.dos`                P(ε,Δ°) (Eqs. 3, 8), Yu–Leggett (Eq. 6), ñ_o (Eq. 7), P̄ (Eq. 9)
- :mod:`tlslib.coupling_constant`  C (Eqs. 1, 12) and its high-temperature value
- :mod:`tlslib.observables`        Q⁻¹, Δv/v, ℓ/λ (Eq. 15)
- :mod:`tlslib.wkb`                barrier height from Eq. (14)
- :mod:`tlslib.materials`, :mod:`tlslib.chain`, :mod:`tlslib.table1`  data → prediction
"""

from tlslib.chain import Prediction, predict
from tlslib.materials import Material
from tlslib.validation import InputError

__all__ = ["InputError", "Material", "Prediction", "predict"]
__version__ = "0.1.0"

import numpy as np
import pytest
from scipy import constants

from tlslib.measurement_alpha import VELOCITY_LOG_OFFSET, conductivity_alpha
from tlslib.paper.measurement_band import (
    STANDARD_BAND,
    agreement_count,
    alpha_inside_band_fraction,
    alpha_needed_printed,
    band_alphas,
    band_temperatures,
    experimental_alpha_range,
    glass_relaxation_alpha,
    glasses_inside,
    measurement_band,
    measurement_band_agreement,
    measurement_band_centre,
    measurement_band_range,
    paper_range_agreement,
    relaxation_tunneling_over_hf,
)
from tlslib.paper.parameters import PAPER
from tlslib.paper.table1 import table1_row
from tlslib.paper.table1_audit import alpha_needed

# One xdist worker runs every test that needs the claims ledger or its costly inputs (the measurement
# bands, the error budget), so that they are computed once per run, not once per worker.
pytestmark = pytest.mark.xdist_group("ledger")

K = constants.k


def test_khz_relaxation_selects_tls_five_decades_above_hf():
    # α(1 kHz, 0.5 K, SiO2) = 2.7184 (which-alpha: grid, closed form and sampling agree);
    # Δ°/hf = exp(ln(Δ°_max/hf) − α²) = exp(19.15473 − 7.38997) = exp(11.76476) = 1.286e5
    assert glass_relaxation_alpha(1e3, 0.5) == pytest.approx(2.7184, abs=1e-4)
    assert relaxation_tunneling_over_hf(1e3, 0.5) == pytest.approx(1.286e5, rel=2e-3)


def test_measurements_below_1k_select_alpha_from_conductivity_at_1k_to_resonance_at_1mhz():
    # top: resonant at 1 MHz, closed form √(ln(10 K/(h·1 MHz/k_B)) + 1 − ln 2) = √(12.24701 + 0.30685) = 3.54314
    # bottom: thermal conductivity at 1 K (1.2076, checked by sampling in which-alpha); relaxation from
    # 1 Hz to 10 GHz stays inside (1.368 at 10 GHz, 1 K; 3.377 at 1 Hz, 1 K)
    lo, hi = experimental_alpha_range()
    hand_hi = np.sqrt(np.log(10.0 * K / (constants.h * 1e6)) + 1.0 - np.log(2.0))
    assert hi == pytest.approx(hand_hi, rel=1e-12) and hand_hi == pytest.approx(3.54314, abs=2e-5)
    assert lo == pytest.approx(
        float(conductivity_alpha(1.0, tunneling_max=PAPER.tunneling_max)), rel=1e-12
    ) and lo == pytest.approx(1.2076, abs=1e-4)
    assert 1.0 < lo < hi < 5.0


# the band before the widening: friction 1 kHz-30 MHz, resonant slopes 0.1-1 K, no relaxation slopes
OLD_BAND = STANDARD_BAND.replace(
    friction_frequencies=(1e3, 3e7), velocity_temperatures=(0.1, 1.0), regime_tolerance=-1.0
)


def test_standard_band_edges_come_from_the_parameter_file():
    # data/parameters.toml: friction 100 Hz-30 MHz at 0.1-1 K, velocity slopes 10 mK-1 K, Δ°_max = 10 K
    assert STANDARD_BAND.friction_frequencies == (100.0, 3e7)
    assert STANDARD_BAND.friction_temperatures == (0.1, 1.0)
    assert STANDARD_BAND.velocity_temperatures == (0.01, 1.0)
    assert STANDARD_BAND.tunneling_max / K == pytest.approx(10.0, rel=1e-15)


def test_scan_temperatures_lie_on_one_grid_of_four_per_decade():
    # 10^(k/4): 0.1, 0.1778, 0.3162, 0.5623, 1; a range starting at 10 mK contains them all
    assert band_temperatures(0.1, 1.0, 4) == pytest.approx((0.1, 0.177827941, 0.316227766, 0.562341325, 1.0), rel=1e-9)
    assert set(band_temperatures(0.1, 1.0, 4)) <= set(band_temperatures(0.01, 1.0, 4))
    assert band_temperatures(1.0, 1.0, 4) == (1.0,)


def test_old_band_is_reproduced_by_its_edges():
    # the numbers of the band before the widening (friction from 1 kHz, resonant slopes from 0.1 K)
    vel_1k = np.sqrt(np.log(10.0) + VELOCITY_LOG_OFFSET)  # ln 10 + 1 + γ_E − ln π -> 1.65380
    assert vel_1k == pytest.approx(1.65380, abs=1e-5)
    lo, hi = measurement_band(table1_row("LAT").material, OLD_BAND)
    assert lo == pytest.approx(vel_1k, rel=1e-12) and 2.24447 < hi < 3.1
    lo_sio2, hi_sio2 = measurement_band(table1_row("SiO2").material, OLD_BAND)
    assert lo_sio2 == pytest.approx(1.582, abs=1e-3) and hi_sio2 == pytest.approx(2.785, abs=1e-3)
    assert glasses_inside(OLD_BAND) == ("SiO2", "BK7", "SF4", "PMMA")


def test_band_of_the_ten_glasses_and_its_centre():
    # top: PMMA's internal friction at 100 Hz and 1 K; bottom: BK7's at 30 MHz and 1 K
    lo, hi = measurement_band_range()
    assert (lo, hi) == (pytest.approx(1.5750, abs=1e-4), pytest.approx(3.2064, abs=1e-4))
    assert measurement_band_centre() == pytest.approx(np.sqrt(lo * hi), rel=1e-15)


def test_relaxation_slopes_enter_the_band_only_in_the_relaxation_regime():
    # at 100 Hz the slopes above ~0.1 K are within 10 % of −C/2; their α lie below friction at 1 K
    groups = band_alphas(table1_row("SF59").material)
    assert 3 <= len(groups["relaxation slope"]) <= 5
    assert max(groups["relaxation slope"]) < max(groups["friction"])
    assert max(groups["friction"]) == pytest.approx(3.106, abs=1e-3)


def test_needed_alpha_scales_the_papers_alpha_by_root_of_c_exp_over_c_th():
    # SiO2: C(α = 2.5) recomputed = 2.9382e-4, C_exp = 2.9e-4 -> 2.5 √(2.9/2.9382) = 2.4836
    assert alpha_needed()[0] == pytest.approx(2.4836, abs=2e-4)
    # printed C_th: 2.5 √(C_exp/C_th): BK7 2.5 √(3.3/2.5) = 2.8723; SiO2 (reproduced) 2.5 √(2.9/2.9) = 2.5
    printed = alpha_needed_printed()
    assert printed[1] == pytest.approx(2.5 * np.sqrt(3.3 / 2.5), rel=1e-12)
    assert printed[0] == pytest.approx(2.5, rel=1e-12)


def test_agreement_counts_glass_by_glass():
    # needed α (SiO2 2.48, BK7 2.74, SF4 2.72, SF57 4.59, SF59 3.02, V52 6.33, BALNA 3.24, LAT 8.62,
    # Zn-glass 3.36, PMMA 2.82) against the bands' tops (3.00 .. 3.21): SF59 (top 3.106) joins
    assert glasses_inside() == ("SiO2", "BK7", "SF4", "SF59", "PMMA")
    assert measurement_band_agreement() == pytest.approx(0.5)
    assert paper_range_agreement() == pytest.approx(0.8)
    assert paper_range_agreement(1.0, 10.0) == pytest.approx(1.0)
    # 2.5 inside every band; 3.5 above every top; 1.6 above the bottom of SiO2 (1.582) and BK7 (1.575) only
    assert alpha_inside_band_fraction() == 1.0
    assert alpha_inside_band_fraction(3.5) == 0.0
    assert alpha_inside_band_fraction(1.6) == pytest.approx(0.2)


def test_agreement_count_depends_on_the_band_edges():
    # standard 5; friction from 1 kHz: SF59 out (4); from 10 kHz: 1; Δ°_max = 5 K: 4 (SF59 out again)
    assert agreement_count() == 5
    assert agreement_count(1e3) == 4 and agreement_count(1e4) == 1
    assert agreement_count(tunneling_max=5.0 * K) == 4
    assert agreement_count(1e3, tunneling_max=20.0 * K) == 5
    # the γ–ε correlation changes which glasses are inside, not how many
    assert agreement_count(correlated=True) == 5
    assert glasses_inside(STANDARD_BAND.replace(correlated=True)) == ("BK7", "SF59", "BALNA", "Zn-glass", "PMMA")

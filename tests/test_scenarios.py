"""Scenarios: side-by-side comparison, sensitivity, and TOML/JSON files with clear errors."""

import json
import math

import pytest

from clvdesk.core.errors import InputError
from clvdesk.core.scenarios import (
    DEMO_SCENARIOS,
    Scenario,
    compare,
    load_scenarios,
    scenario_from_dict,
    sensitivity,
)

NOW = Scenario("Now", aov=50, frequency=4, lifespan=5, cac=100)
LOYALTY = Scenario("Loyalty", aov=50, frequency=5, lifespan=6, cac=120, margin=0.5)


def test_compare_by_hand():
    table = compare([NOW, LOYALTY])
    assert list(table.index) == ["Now", "Loyalty"]
    assert table.loc["Now", "ltv"] == 1000.0
    assert table.loc["Now", "clv"] == 900.0
    assert table.loc["Now", "ltv_cac"] == 10.0
    assert table.loc["Now", "payback_months"] == 6.0  # 100 / (50 x 4 / 12)
    # loyalty: 0.5 x 50 x 5 x 6 = 750 before CAC
    assert table.loc["Loyalty", "clv"] == 630.0
    assert table.loc["Loyalty", "ltv_cac"] == 6.25
    assert table.loc["Loyalty", "payback_months"] == pytest.approx(120 / (250 / 12 * 0.5))
    assert table.loc["Loyalty", "clv_vs_baseline"] == -270.0
    assert table.loc["Loyalty", "clv_vs_baseline_pct"] == pytest.approx(-0.3)
    assert table.attrs["baseline"] == "Now"


def test_compare_with_chosen_baseline_and_no_cac():
    free = Scenario("Free", aov=10, frequency=1, lifespan=1)
    table = compare([NOW, free], baseline="Free")
    assert table.loc["Now", "clv_vs_baseline"] == 890.0
    assert table.loc["Now", "clv_vs_baseline_pct"] == 89.0
    assert math.isnan(table.loc["Free", "ltv_cac"])
    assert table.loc["Free", "payback_months"] == 0.0
    with pytest.raises(InputError, match="baseline 'Later' is not a scenario"):
        compare([NOW], baseline="Later")
    with pytest.raises(InputError, match="two scenarios are named 'Now'"):
        compare([NOW, NOW])
    with pytest.raises(InputError, match="no scenarios"):
        compare([])


def test_classic_demo_repeat_buyer_beats_one_time_buyer():
    repeat, once = DEMO_SCENARIOS
    assert repeat.frequency > 1 and repeat.lifespan == 5
    assert once.frequency * once.lifespan == 1 and once.aov > repeat.aov
    table = compare(DEMO_SCENARIOS)
    assert table.loc[repeat.name, "clv"] == pytest.approx(0.4 * 40 * 4 * 5 - 50)
    assert table.loc[once.name, "clv"] == pytest.approx(0.4 * 150 - 50)


def test_sensitivity_ten_percent():
    table = sensitivity(NOW)
    assert list(table.index[:4]) == ["retention", "aov", "frequency", "lifespan"]
    assert table.loc["aov", "clv_low"] == pytest.approx(800.0)
    assert table.loc["aov", "clv_high"] == pytest.approx(1000.0)
    assert table.loc["cac", "clv_low"] == pytest.approx(910.0)
    assert table.loc["cac", "clv_high"] == pytest.approx(890.0)
    assert table.loc["cac", "swing"] == pytest.approx(20.0)
    # margin 100 % cannot go up
    assert table.loc["margin", "high_value"] == 1.0
    assert table.loc["margin", "clv_high"] == 900.0
    assert "growth_rate" not in table.index  # zero drivers do not move
    assert list(table["swing"]) == sorted(table["swing"], reverse=True)
    assert (table["clv"] == 900.0).all()


def test_sensitivity_retention_has_its_own_bar():
    # lifespan 5: retention 0.8; -10 % -> 0.72 (lifespan 3.571), +10 % -> 0.88 (8.333)
    row = sensitivity(NOW).loc["retention"]
    assert row["value"] == pytest.approx(0.8)
    assert row["clv_low"] == pytest.approx(50 * 4 / (1 - 0.72) - 100)
    assert row["clv_high"] == pytest.approx(50 * 4 / (1 - 0.88) - 100)
    assert row["swing"] > sensitivity(NOW).loc["aov", "swing"]
    assert "retention" not in sensitivity(Scenario("short", 50, 4, 1.0)).index


def test_sensitivity_step():
    assert sensitivity(NOW, step=0.5).loc["lifespan", "clv_low"] == pytest.approx(400.0)
    with pytest.raises(InputError, match="step must be"):
        sensitivity(NOW, step=1.5)


def test_load_toml(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[[scenario]]\nname = "A"\naov = 50\nfrequency = 4\nlifespan = 5\n'
                    'cac = 100\n\n[[scenario]]\nname = "B"\naov = 60\nfrequency = 2\n'
                    'lifespan = 3\nmargin = 0.25\ngrowth_rate = 0.05\n', encoding="utf-8")
    a, b = load_scenarios(path)
    assert a == Scenario("A", 50.0, 4.0, 5.0, cac=100.0)
    assert b.margin == 0.25 and b.growth_rate == 0.05


def test_load_json_list_and_object(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps([{"name": "A", "aov": 1, "frequency": 2, "lifespan": 3}]))
    assert load_scenarios(path)[0].clv() == 6.0
    path.write_text(json.dumps({"scenarios": [{"aov": 1, "frequency": 1, "lifespan": 1}]}))
    assert load_scenarios(path)[0].name == "Scenario 1"


@pytest.mark.parametrize("name, text, message", [
    ("s.toml", "[[scenario]\n", "s.toml is not valid TOML"),
    ("s.json", "{", "s.json is not valid JSON"),
    ("s.json", "[]", "s.json has no scenarios"),
    ("s.toml", "title = 'x'\n", "s.toml has no scenarios"),
    ("s.json", '[{"name": "A", "aov": 1, "frequency": 1}]', "scenario 'A' needs lifespan"),
    ("s.json", '[{"name": "A", "aov": "x", "frequency": 1, "lifespan": 1}]',
     "scenario 'A': aov must be a number"),
    ("s.json", '[{"name": "A", "aov": 1, "frequency": 1, "lifespan": -1}]',
     "scenario 'A': lifespan must be 0 or more"),
    ("s.json", '[{"name": "A", "aov": 1, "frequency": 1, "lifespan": 1, "aovv": 2}]',
     "scenario 'A': unknown input 'aovv'"),
    ("s.yaml", "", "scenario files are .toml or .json"),
])
def test_load_errors(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_scenarios(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="scenario file not found"):
        load_scenarios(tmp_path / "nope.toml")


def test_scenario_from_dict_rejects_non_table():
    with pytest.raises(InputError, match="scenario 2 must be a table"):
        scenario_from_dict([1, 2], 2)


def test_scenario_file_values_as_typed_text(tmp_path):
    from clvdesk.core.scenarios import load_scenarios

    path = tmp_path / "s.toml"
    path.write_text('[[scenario]]\nname = "A"\naov = "39,95"\nfrequency = 4\nlifespan = 2\n'
                    'margin = "40%"\n', encoding="utf-8")
    (scenario,) = load_scenarios(path)
    assert scenario.aov == pytest.approx(39.95) and scenario.margin == pytest.approx(0.4)
    path.write_text('[[scenario]]\nname = "A"\naov = "40%"\nfrequency = 4\nlifespan = 2\n',
                    encoding="utf-8")
    with pytest.raises(InputError, match="scenario 'A': aov must be a number"):
        load_scenarios(path)

"""Explanations of the numbers users misread, once, for the Help page and the tooltips.

Each entry is a title and a paragraph in the interface language (context ``Explanations`` of
the translation files). The Help page shows them all; pages show the same text as the tooltip
of the number it explains, so both always say the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: Keys in the order the Help page shows them.
TOPICS = ("p_alive", "simple_vs_predicted", "calibration_holdout", "interval", "regularised")


def explanation(topic: str) -> tuple[str, str]:
    """(title, text) of ``topic`` (a key of :data:`TOPICS`) in the interface language."""
    translate = QCoreApplication.translate
    texts = {
        "p_alive": (
            translate("Explanations", "Why P(alive) is 100 % for customers who bought once"),
            translate("Explanations",
                      "P(alive) is the chance that a customer still buys from you. The BG/NBD "
                      "model assumes a customer can only drop out right after a repeat "
                      "purchase, so a customer who bought once has, in the model, not had a "
                      "chance to leave yet: P(alive) is 100 %. That does not mean they will "
                      "buy again: their expected purchases are low, and so is their CLV. "
                      "Compare customers by expected purchases or CLV, not by P(alive) alone; "
                      "the MBG/NBD and Pareto/NBD models do give one-time buyers a P(alive) "
                      "below 100 %."),
        ),
        "simple_vs_predicted": (
            translate("Explanations", "Simple CLV and predicted CLV"),
            translate("Explanations",
                      "The simple CLV (Scenarios page, report formulas) is a what-if formula: "
                      "average order x purchases per year x lifespan x margin, minus the "
                      "acquisition cost. You choose the inputs; it says what a customer like "
                      "that is worth over the whole relationship. The predicted CLV (Results "
                      "page) comes from models fitted on your orders (BG/NBD or Pareto/NBD for "
                      "how often each customer buys, Gamma-Gamma for how much): the discounted "
                      "margin each existing customer is expected to bring within the horizon, "
                      "before acquisition cost. The two answer different questions and differ "
                      "in size: the predicted CLV covers only the horizon and only customers "
                      "you already have."),
        ),
        "calibration_holdout": (
            translate("Explanations", "Calibration and holdout"),
            translate("Explanations",
                      "The models learn from the orders up to the end of calibration. With a "
                      "holdout, the orders after that date up to the end of the holdout are "
                      "kept aside: the model predicts them without seeing them, and the Model "
                      "fit tab compares the prediction with what really happened. That is the "
                      "honest test of a model. A new data source starts without a holdout; "
                      "switching it on proposes the last third of your data, from a month end. "
                      "Predictions start at the end of calibration."),
        ),
        "interval": (
            translate("Explanations", "The range (interval) of CLV"),
            translate("Explanations",
                      "CLV is an estimate. The low and high values are a 90 % interval from the "
                      "uncertainty of the fitted model parameters: the analysis redraws the "
                      "parameters many times and recomputes CLV. With few customers or few "
                      "repeat purchases the range is wide. It does not cover everything: a "
                      "change in your market, prices or data quality is not in it."),
        ),
        "regularised": (
            translate("Explanations", "A regularised fit"),
            translate("Explanations",
                      "With a small customer base (a few hundred B2B customers, few repeat "
                      "purchases) a model's parameters can run to extreme values that fit the "
                      "data no better than sensible ones. A regularised fit adds a small "
                      "penalty that pulls the parameters towards moderate values. The results "
                      "then depend less on chance, at the price of a small bias; the Results "
                      "page says when a fit was regularised. With many customers the penalty "
                      "changes almost nothing."),
        ),
    }
    return texts[topic]


def tooltip(topic: str) -> str:
    """The explanation as a tooltip: its title in bold above the paragraph (rich text)."""
    title, text = explanation(topic)
    return f"<b>{title}</b><br>{text}"

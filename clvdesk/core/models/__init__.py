"""Probabilistic CLV models, one module each on the shared fitting base (:mod:`.base`).

``MODELS`` maps the command-line names to the classes; :func:`get_model` looks one up.
"""

from __future__ import annotations

from clvdesk.core.errors import InputError
from clvdesk.core.models.base import ProbabilisticModel, compress
from clvdesk.core.models.bgbb import BetaGeoBetaBinomModel
from clvdesk.core.models.bgnbd import BetaGeoModel
from clvdesk.core.models.gamma_gamma import GammaGammaModel
from clvdesk.core.models.mbgnbd import ModifiedBetaGeoModel
from clvdesk.core.models.pareto_nbd import ParetoNBDModel
from clvdesk.core.models.sbg import ShiftedBetaGeoModel

MODELS: dict[str, type[ProbabilisticModel]] = {
    "bgnbd": BetaGeoModel,
    "mbgnbd": ModifiedBetaGeoModel,
    "pareto-nbd": ParetoNBDModel,
    "bgbb": BetaGeoBetaBinomModel,
    "gamma-gamma": GammaGammaModel,
    "sbg": ShiftedBetaGeoModel,
}


def get_model(name: str) -> type[ProbabilisticModel]:
    """The model class for a CLI name (``bgnbd``, ``pareto-nbd``, ...); InputError if unknown."""
    key = str(name).strip().lower().replace("_", "-")
    if key not in MODELS:
        raise InputError(code="model_unknown", value=repr(name), models=", ".join(MODELS))
    return MODELS[key]


__all__ = [
    "MODELS",
    "BetaGeoBetaBinomModel",
    "BetaGeoModel",
    "GammaGammaModel",
    "ModifiedBetaGeoModel",
    "ParetoNBDModel",
    "ProbabilisticModel",
    "ShiftedBetaGeoModel",
    "compress",
    "get_model",
]

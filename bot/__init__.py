"""pledgebot: who attended, who said what and who committed to what at diplomatic meetings."""
from __future__ import annotations

__version__ = "0.1.0"

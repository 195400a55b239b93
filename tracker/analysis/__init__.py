"""Analysis over stored figures: claims, statistics, discrepancies, syndication."""

from tracker.analysis.analyze import analyze_corpus

__all__ = ["analyze_corpus"]

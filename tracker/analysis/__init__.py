"""Analysis over stored figures: claims, statistics, discrepancies, syndication."""

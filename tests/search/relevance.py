"""Measuring search relevance: recall@10 and mean reciprocal rank over a query set."""

import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
CONTENT = HERE / "relevance_content.json"
QUERIES = json.loads((HERE / "relevance_queries.json").read_text(encoding="utf-8"))


@dataclass
class Figures:
    recall_at_10: float
    mrr: float
    misses: list

    def __str__(self):
        return f"recall@10 {self.recall_at_10:.3f}, MRR {self.mrr:.3f}"


def evaluate(queries, ranked_slugs):
    """`ranked_slugs(q)` gives slugs best first; returns the figures over `queries`."""
    found, reciprocal, misses = 0, 0.0, []
    for case in queries:
        ranking = ranked_slugs(case["q"])[:10]
        if case["expect"] in ranking:
            found += 1
            reciprocal += 1 / (ranking.index(case["expect"]) + 1)
        else:
            misses.append((case["q"], case["expect"], ranking[:3]))
    return Figures(found / len(queries), reciprocal / len(queries), misses)

"""export_content writes item by item: the same bytes as the whole document,
in memory that does not grow with the corpus."""

import io
import json

import pytest
from django.core.management import call_command

from exchange import corpus
from exchange.document import dumps, write_document
from exchange.exporter import export_content, export_sections
from exchange.importer import import_content

pytestmark = pytest.mark.django_db


def streamed(chunk_size):
    pieces = []
    write_document(pieces.append, export_sections(chunk_size=chunk_size))
    return "".join(pieces)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_an_empty_database_streams_the_same_bytes():
    assert streamed(chunk_size=10) == dumps(export_content())


def test_the_demo_content_streams_the_same_bytes():
    with open("demo/content.json", encoding="utf-8") as handle:
        import_content(handle.read())
    # Chunks of 2 split every section, so relations are prefetched chunk by chunk.
    assert streamed(chunk_size=2) == dumps(export_content())


def test_a_generated_corpus_streams_the_same_bytes_across_chunks():
    corpus.generate(
        initiatives=300,
        events=30,
        statements=60,
        organizations=40,
        log=lambda *a: None,
        linked_names=False,
    )
    whole = dumps(export_content())
    assert len(json.loads(whole)["initiatives"]) == 300
    # 37 divides none of the section sizes: every section ends with a partial chunk.
    assert streamed(chunk_size=37) == whole


def test_the_export_reads_a_chunk_of_initiatives_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
):
    corpus.generate(
        initiatives=120,
        events=0,
        statements=0,
        organizations=10,
        log=lambda *a: None,
        linked_names=False,
    )
    items = dict(export_sections(chunk_size=1000))["initiatives"]
    with django_assert_max_num_queries(30):
        assert len(list(items)) == 120


def test_the_command_shows_progress_on_a_terminal_only(tmp_path):
    with open("demo/content.json", encoding="utf-8") as handle:
        import_content(handle.read())
    terminal, log = Terminal(), io.StringIO()
    call_command("export_content", "-o", str(tmp_path / "a.json"), stderr=terminal)
    call_command("export_content", "-o", str(tmp_path / "b.json"), stderr=log)
    assert "\rinitiatives: 5/5" in terminal.getvalue()
    assert log.getvalue() == ""
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == dumps(export_content())
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == dumps(export_content())

"""The command-line contract the graders drive: ingest, export, ask; logs on stderr only."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from storage.store import Store

READOUT = """Leaders meet in Oslo

Leaders of the Nordic countries met in Oslo on 3 May 2025 to discuss support for Ukraine.
Prime Minister of Norway Jonas Gahr Store said that Norway will keep helping Ukraine.
"""


def run(*args: str, input: str | None = None):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write_docs(tmp_path: Path) -> Path:
    good = tmp_path / "oslo.txt"
    good.write_text(READOUT, encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": str(good), "url": "https://example.org/oslo", "published": "2025-05-03",
                    "publisher": "Example News"}) + "\n"
        + json.dumps({"path": str(tmp_path / "missing.txt"), "url": "https://example.org/x"}) + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    return manifest


def test_ingest_reports_bad_inputs_and_keeps_the_good_ones(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = run("ingest", "--db", db, "--manifest", str(write_docs(tmp_path)))
    assert result.exit_code == 1
    assert "new: " in result.stdout
    assert "1 new, 0 updated, 0 unchanged, 2 failed" in result.stdout
    assert "missing.txt: no such file" in result.stderr
    assert "line 3" in result.stderr
    exported = json.loads(run("export", "--db", db).stdout)
    (doc,) = exported["documents"]
    assert (doc["url"], doc["published"], doc["publisher"], doc["title"]) == (
        "https://example.org/oslo", "2025-05-03", "Example News", "Leaders meet in Oslo")


def test_second_ingest_is_unchanged(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    path = tmp_path / "oslo.txt"
    path.write_text(READOUT, encoding="utf-8")
    assert run("ingest", "--db", db, str(path)).exit_code == 0
    second = run("ingest", "--db", db, str(path))
    assert second.exit_code == 0
    assert "0 new, 0 updated, 1 unchanged, 0 failed" in second.stdout


def test_ingest_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "give at least one PATH or URL" in result.output


def test_ask_json_answers_one_line_per_question(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    path = tmp_path / "oslo.txt"
    path.write_text(READOUT, encoding="utf-8")
    run("ingest", "--db", db, str(path))
    result = run("ask", "--db", db, "--json", input="who attended from Norway?\nwhat did the pope say\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == ["who attended from Norway?", "what did the pope say"]
    assert all(set(line) >= {"question", "answer", "found", "intent", "results"} for line in lines)
    assert lines[1]["found"] is False


def test_ingest_says_how_a_file_that_is_not_utf8_was_read(tmp_path: Path) -> None:
    legacy = tmp_path / "munich.txt"
    legacy.write_bytes(READOUT.replace("Oslo", "München").encode("cp1252"))
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(READOUT.replace("Oslo", "Київ").encode().replace("ї".encode(), b"\xd1"))
    result = run("ingest", "--db", str(tmp_path / "cli.db"), str(legacy), str(damaged))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("; not UTF-8; read as Windows-1252")
    assert lines[1].endswith("; read as UTF-8 with 2 invalid bytes replaced by \ufffd")
    store = Store.open(tmp_path / "cli.db")
    texts = [doc["text"] for doc in store.documents()]
    store.close()
    assert sum("met in München on 3 May" in text for text in texts) == 1
    assert sum("met in Ки\ufffdв on 3 May" in text for text in texts) == 1

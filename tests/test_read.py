import io
import json
import sys

from polevents.read import MAX_CHARS, iter_documents

ENGLISH = "Russian troops shelled the city of Kharkiv on Monday, killing three civilians, officials said."


def read(paths, date=None):
    messages = []
    docs = list(iter_documents([str(p) for p in paths], date, report=messages.append))
    return docs, messages


def test_text_file_takes_its_name_and_the_command_line_date(tmp_path):
    (tmp_path / "kharkiv.txt").write_text(ENGLISH)
    docs, messages = read([tmp_path / "kharkiv.txt"], "2022-03-07")
    assert [(d.id, d.date) for d in docs] == [("kharkiv", "2022-03-07")]
    assert docs[0].text == ENGLISH and messages == []


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_the_rest_is_read(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "a", "text": ENGLISH, "date": "2022-03-01T10:00:00Z"}),
             "{not json",
             json.dumps(["a", "list"]),
             json.dumps({"id": "no-text"}),
             json.dumps({"id": "b", "text": ENGLISH})]
    path.write_text("\n".join(lines) + "\n")
    docs, messages = read([path], "2022-03-05")
    assert [(d.id, d.date) for d in docs] == [("a", "2022-03-01"), ("b", "2022-03-05")]
    assert [m.split(":")[1] for m in messages] == ["2", "3", "4"]
    assert "malformed JSON" in messages[0] and "JSON object" in messages[1] and "text" in messages[2]


def test_empty_binary_undecodable_huge_and_foreign_documents_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 attacked".encode("latin-1"))
    (tmp_path / "huge.txt").write_text("word " * (MAX_CHARS // 5 + 10))
    (tmp_path / "german.txt").write_text("Die Regierung hat am Montag neue Sanktionen gegen Russland "
                                         "beschlossen, teilte das Ministerium in Berlin mit.")
    (tmp_path / "good.txt").write_text(ENGLISH)
    docs, messages = read([tmp_path])
    assert [d.id for d in docs] == ["good"]
    reasons = " ".join(messages)
    for expected in ("empty.txt: skipped: empty", "binary.txt: skipped: binary",
                     "latin1.txt: skipped: not valid UTF-8", "huge.txt: skipped: document of",
                     "german.txt: skipped: the text does not look like English"):
        assert expected in reasons


def test_html_main_text_is_extracted_without_menus_or_scripts(tmp_path):
    body = " ".join([ENGLISH] * 3)
    (tmp_path / "page.html").write_text(
        f"<html><head><script>var tracker = 1;</script></head><body><nav><a href='/'>Home</a>"
        f"<a href='/world'>World</a></nav><article><h1>Shelling</h1><p>{body}</p></article>"
        f"<footer>Copyright notice</footer></body></html>")
    docs, _ = read([tmp_path / "page.html"])
    assert ENGLISH in docs[0].text
    assert "tracker" not in docs[0].text and "Copyright" not in docs[0].text


def test_missing_path_is_reported(tmp_path):
    docs, messages = read([tmp_path / "nowhere.txt"])
    assert docs == [] and "no such file" in messages[0]


def test_stdin_accepts_json_lines(monkeypatch):
    data = json.dumps({"id": "s1", "text": ENGLISH}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    docs = list(iter_documents(["-"], report=lambda m: None))
    assert [d.id for d in docs] == ["s1"]

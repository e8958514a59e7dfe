import os

from content.store import ContentStore
from tests.content.conftest import KNOWN, answer_yaml


def write(root, text):
    path = root / "answers" / "tb.yml"
    path.write_text(text)
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))


def test_an_edit_goes_live_and_a_broken_edit_keeps_the_last_good(tree):
    store = ContentStore(tree, KNOWN)
    write(tree, answer_yaml("tb_about", text="New text.") + answer_yaml("tb_symptoms"))
    assert store.reload_if_changed()
    assert store.current.answer("tb_about").text["en"] == "New text."
    write(tree, "tb_about: [unclosed\n")
    assert not store.reload_if_changed()
    assert store.current.answer("tb_about").text["en"] == "New text."
    assert "content/answers/tb.yml:2: error: YAML syntax error" in str(store.last_error)

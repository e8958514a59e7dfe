from nlu.normalize import normalize


def test_spelling_variants_fold_to_one_form():
    assert (
        normalize("Oʻzbekiston  O’ZBEKISTON o`zbekiston") == "o'zbekiston o'zbekiston o'zbekiston"
    )
    assert normalize("كجا واكسن بزنم؟") == normalize("کجا واکسن بزنم")
    assert normalize("Ёлка!!!") == "елка"
    assert normalize("heeelllooo") == "heelloo"


def test_chinese_is_split_into_characters_for_the_tokenizer():
    assert normalize("哪里打疫苗?") == "哪 里 打 疫 苗"


def test_invisible_marks_and_emoji_are_removed():
    assert normalize("\u200fسلام 😷\u200b") == "سلام"
    assert normalize("می\u200cخواهم") == "میخواهم"

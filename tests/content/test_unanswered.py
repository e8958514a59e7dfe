import io

from content.unanswered import group, write_csv
from storage.unanswered import scrub


def test_similar_questions_group_together_most_frequent_first():
    questions = [("где купить сим карту", "ru"), ("погода в минске", "ru"),
                 ("где купить симкарту", "ru"), ("где купить сим-карту?", "ru")]  # fmt: skip
    groups = group(questions)
    assert [len(g) for g in groups] == [3, 1]
    out = io.StringIO()
    write_csv(questions, out)
    assert out.getvalue().splitlines()[1].startswith("1,3,ru,где купить сим карту")


def test_numbers_and_emails_are_removed_before_keeping():
    assert scrub("mail me a@b.by or call +375 (29) 123-45-67, passport 1234567") == (
        "mail me [email] or call [number], passport [number]"
    )

import pytest

from bot.callbacks import LIMIT, Callback, CallbackError, Signer

SIGNER = Signer("key")


def test_a_button_round_trips_for_its_user():
    data = SIGNER.encode(7, Callback("t", "tb_symptoms"))
    assert SIGNER.decode(7, data) == Callback("t", "tb_symptoms")
    assert len(data.encode()) <= LIMIT


def test_another_users_or_a_forged_button_is_refused():
    data = SIGNER.encode(7, Callback("forget_yes"))
    with pytest.raises(CallbackError):
        SIGNER.decode(8, data)
    with pytest.raises(CallbackError):
        SIGNER.decode(7, "forget_yes::" + "A" * 8)
    with pytest.raises(CallbackError):
        Signer("other key").decode(7, data)


def test_callback_data_over_64_bytes_is_refused_when_built():
    with pytest.raises(CallbackError):
        SIGNER.encode(7, Callback("t", "x" * 60))

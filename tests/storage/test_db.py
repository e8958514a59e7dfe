from storage.db import connect
from storage.migrations import MIGRATIONS, schema_version
from storage.users import UserStore


async def test_a_new_database_is_migrated_and_in_wal_mode(tmp_path):
    db = await connect(str(tmp_path / "x.db"))
    async with db.execute("PRAGMA journal_mode") as cursor:
        assert (await cursor.fetchone())[0] == "wal"
    assert await schema_version(db) == len(MIGRATIONS)
    await db.close()


async def test_reopening_keeps_data_and_does_not_rerun_migrations(tmp_path):
    db = await connect(str(tmp_path / "x.db"))
    await UserStore(db).set_lang(5, "tk")
    await db.close()
    db = await connect(str(tmp_path / "x.db"))
    assert (await UserStore(db).get(5)).lang == "tk"
    await db.close()


async def test_forget_removes_the_user(tmp_path):
    db = await connect(":memory:")
    users = UserStore(db)
    await users.set_lang(5, "tk")
    await users.forget(5)
    assert await users.get(5) is None
    await db.close()

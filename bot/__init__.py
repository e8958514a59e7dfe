"""healthbot: the Telegram front end."""

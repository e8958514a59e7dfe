"""The programme's figures: counts without people, as a page, CSV files and a short summary."""

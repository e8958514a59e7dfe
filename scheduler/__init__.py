"""Reminders and campaigns: scheduling, and the reminder times users type (when.py)."""

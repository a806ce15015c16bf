"""Organisations in and out: spreadsheet import and export, its admin view and commands."""

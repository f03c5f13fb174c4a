"""Finding things in text: lexicons, gazetteer, patterns, dates, events."""

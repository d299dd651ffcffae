"""The programme dashboard (/program/): figures by period and province for officers."""

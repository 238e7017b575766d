"""Year over year: align two announcements, diff their specs, render reports and patches."""

"""What the site gives machines: downloads of every list, feeds that follow filters."""

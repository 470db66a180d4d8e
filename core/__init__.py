"""Bottom layer shared by every package: settings and personal-data masking."""

"""Word corrections: the reader joins or splits words, and every view follows."""

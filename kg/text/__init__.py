"""Text handling: normalisation that keeps offsets, sentences, tokens, clitics."""

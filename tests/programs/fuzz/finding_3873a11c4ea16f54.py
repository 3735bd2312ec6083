a2 = (0 if False else 0).bit_length()

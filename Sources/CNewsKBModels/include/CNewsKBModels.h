#ifndef CNEWSKB_MODELS_H
#define CNEWSKB_MODELS_H

#include <stddef.h>
#include "CNewsKBModelsChecksums.h"

/* Files embedded by models.S (.incbin). Each blob is followed by one 0 byte not counted in its length.
 *   minilm-static.bin    the static sentence-embedding table (format: scripts/build-embeddings.py)
 *   wordpiece-vocab.txt  the WordPiece vocabulary, one token a line, line number - 1 = id
 *   accent-folding.txt   code point -> NFD without combining marks, hex, one mapping a line */
extern const unsigned char newskb_minilm_static_start[];
extern const unsigned char newskb_minilm_static_end[];
extern const unsigned char newskb_wordpiece_vocab_start[];
extern const unsigned char newskb_wordpiece_vocab_end[];
extern const unsigned char newskb_accent_folding_start[];
extern const unsigned char newskb_accent_folding_end[];

static inline const unsigned char *newskb_minilm_static(size_t *length) {
    *length = (size_t)(newskb_minilm_static_end - newskb_minilm_static_start);
    return newskb_minilm_static_start;
}

static inline const unsigned char *newskb_wordpiece_vocab(size_t *length) {
    *length = (size_t)(newskb_wordpiece_vocab_end - newskb_wordpiece_vocab_start);
    return newskb_wordpiece_vocab_start;
}

static inline const unsigned char *newskb_accent_folding(size_t *length) {
    *length = (size_t)(newskb_accent_folding_end - newskb_accent_folding_start);
    return newskb_accent_folding_start;
}

#endif

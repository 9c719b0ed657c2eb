/* The embedding table and its vocabulary, put into the binary as read-only data by the assembler.
   The files sit beside this one and are found through the target's header search path ("."),
   which SwiftPM passes to the assembler as -I. Rebuilt by `make embeddings`
   (scripts/build-embeddings.py); see README, "Sentence embeddings". */

/* The files' sha256, written with them: including it makes a new table re-assemble this file (the
   compiler's dependency list names included headers, not .incbin'd files). */
#include "CNewsKBModelsChecksums.h"

#define NEWSKB_BLOB(name, file, align)      \
    .section .rodata;                       \
    .balign align;                          \
    .globl name##_start;                    \
    .type name##_start, @object;            \
name##_start:                               \
    .incbin file;                           \
    .globl name##_end;                      \
name##_end:                                 \
    .byte 0

NEWSKB_BLOB(newskb_minilm_static, "minilm-static.bin", 16)
NEWSKB_BLOB(newskb_wordpiece_vocab, "wordpiece-vocab.txt", 16)
NEWSKB_BLOB(newskb_accent_folding, "accent-folding.txt", 16)

.section .note.GNU-stack,"",@progbits

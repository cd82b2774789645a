// Preloaded into a dynamically linked `baton` by scripts/shared-refcounts:
// counts swift_retain and swift_release per thread and object, and at exit
// prints the objects that two threads both retained or released often, with
// their class. Such an object's reference count moves between the cores on
// every retain, which costs `baton batch --jobs 2` time that `perf` shows
// only as a slower swift_retain. Counts calls from baton's own code only (the
// calls go through the PLT); Swift's runtime calling itself is not seen.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { slots = 1 << 22, maximumThreads = 16, probes = 64, reported = 20 };
typedef struct { uintptr_t object, metadata; uint64_t count; } Entry;
typedef struct { const char *data; uintptr_t length; } TypeName;

static Entry *tables[maximumThreads];
static atomic_int threadCount;
static __thread int thread = -1;

static uint32_t hash(uintptr_t object) { return (uint32_t)((object >> 4) * 2654435761u) & (slots - 1); }

static Entry *find(Entry *table, uintptr_t object) {
    for (int probe = 0; probe < probes; probe++) {
        Entry *entry = &table[(hash(object) + probe) & (slots - 1)];
        if (entry->object == object || entry->object == 0) return entry;
    }
    return NULL;
}

static void count(void *object) {
    if ((uintptr_t)object < 4096) return;
    if (thread < 0) {
        thread = atomic_fetch_add(&threadCount, 1);
        if (thread < maximumThreads) tables[thread] = calloc(slots, sizeof(Entry));
    }
    if (thread >= maximumThreads || !tables[thread]) return;
    Entry *entry = find(tables[thread], (uintptr_t)object);
    if (!entry) return;
    if (entry->object == 0) {
        entry->object = (uintptr_t)object;
        entry->metadata = *(uintptr_t *)object;  // read now: the object may be freed by the end
    }
    entry->count++;
}

void *swift_retain(void *object) {
    static void *(*retain)(void *);
    if (!retain) retain = (void *(*)(void *))dlsym(RTLD_NEXT, "swift_retain");
    count(object);
    return retain(object);
}

void swift_release(void *object) {
    static void (*release)(void *);
    if (!release) release = (void (*)(void *))dlsym(RTLD_NEXT, "swift_release");
    count(object);
    release(object);
}

static int byCount(const void *a, const void *b) {
    uint64_t x = ((const Entry *)a)->count, y = ((const Entry *)b)->count;
    return x < y ? 1 : x > y ? -1 : 0;
}

__attribute__((destructor)) static void report(void) {
    int threads = threadCount < maximumThreads ? threadCount : maximumThreads;
    TypeName (*typeName)(const void *, bool) = dlsym(RTLD_DEFAULT, "swift_getTypeName");
    enum { capacity = 100000 };
    static Entry shared[capacity];
    int sharedCount = 0;
    // An object counts once, from the first thread that touched it often,
    // with the smaller of its count there and its count in the others.
    for (int first = 0; first < threads; first++) {
        for (uint32_t slot = 0; slot < slots; slot++) {
            Entry *entry = &tables[first][slot];
            if (entry->count < 1000) continue;
            uint64_t elsewhere = 0;
            bool seenBefore = false;
            for (int other = 0; other < threads; other++) {
                if (other == first) continue;
                Entry *match = find(tables[other], entry->object);
                if (!match || match->object != entry->object || match->count < 100) continue;
                if (other < first && match->count >= 1000) seenBefore = true;
                elsewhere += match->count;
            }
            if (elsewhere == 0 || seenBefore || sharedCount == capacity) continue;
            shared[sharedCount] = *entry;
            shared[sharedCount].count = entry->count < elsewhere ? entry->count : elsewhere;
            sharedCount++;
        }
    }
    qsort(shared, sharedCount, sizeof(Entry), byCount);
    fprintf(stderr, "objects retained or released by two threads (count: the smaller side):\n");
    for (int index = 0; index < sharedCount && index < reported; index++) {
        uintptr_t metadata = shared[index].metadata;
        // Kind 0 is a class; a closure context (0x400) or other heap object has no type name.
        uintptr_t kind = metadata ? *(uintptr_t *)metadata : 0x7ff;
        TypeName name = {"(not a class: a closure context or a box)", 42};
        if (kind == 0 && typeName) name = typeName((const void *)metadata, true);
        fprintf(stderr, "%10llu  %.*s\n", (unsigned long long)shared[index].count, (int)name.length, name.data);
    }
}

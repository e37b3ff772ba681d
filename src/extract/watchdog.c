#include "extract/watchdog.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#define PERIOD_US 50000

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct watch *head;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int started;

double watch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* MuPDF writes progress on the extraction's thread and reads abort there:
 * relaxed atomic accesses on our side, as the cookie is meant to be used. */
static void trip(struct watch *w, enum watch_trip why)
{
    int none = WATCH_OK;
    atomic_compare_exchange_strong(&w->tripped, &none, (int)why);
    __atomic_store_n(&w->cookie.abort, 1, __ATOMIC_RELAXED);
}

static long work(struct watch *w)
{
    return __atomic_load_n(&w->cookie.progress, __ATOMIC_RELAXED) + atomic_load(&w->calls);
}

static enum watch_trip judge(struct watch *w, double now)
{
    if (now > w->deadline)
        return WATCH_DEADLINE;
    long done = work(w);
    if (done > w->max_progress || done - atomic_load(&w->page_base) > w->max_page_progress)
        return WATCH_WORK;
    return WATCH_OK;
}

static void *watchdog_main(void *arg)
{
    (void)arg;
    for (;;) {
        usleep(PERIOD_US);
        double now = watch_now();
        pthread_mutex_lock(&mu);
        for (struct watch *w = head; w; w = w->next) {
            enum watch_trip why = judge(w, now);
            if (why)
                trip(w, why);
        }
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

static void start_thread(void)
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    started = pthread_create(&t, &attr, watchdog_main, NULL) == 0;
    pthread_attr_destroy(&attr);
}

int watch_start(struct watch *w, double seconds, long max_progress, long max_page_progress)
{
    pthread_once(&once, start_thread);
    if (!started)
        return -1;
    *w = (struct watch){.deadline = watch_now() + seconds, .max_progress = max_progress,
                        .max_page_progress = max_page_progress};
    atomic_init(&w->calls, 0);
    atomic_init(&w->page_base, 0);
    atomic_init(&w->tripped, WATCH_OK);
    pthread_mutex_lock(&mu);
    w->next = head;
    if (head)
        head->prev = w;
    head = w;
    pthread_mutex_unlock(&mu);
    return 0;
}

void watch_page(struct watch *w)
{
    atomic_store(&w->page_base, work(w));
}

void watch_stop(struct watch *w)
{
    pthread_mutex_lock(&mu);
    if (w->prev)
        w->prev->next = w->next;
    else if (head == w)
        head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    w->prev = w->next = NULL;
    pthread_mutex_unlock(&mu);
}

enum watch_trip watch_check(struct watch *w)
{
    enum watch_trip why = judge(w, watch_now());
    if (why)
        trip(w, why);
    return (enum watch_trip)atomic_load(&w->tripped);
}

/* ---- the counting device ---- */

struct guard {
    fz_device super;
    fz_device *target;
    struct watch *w;
};

/* One drawing call: counted; refused once the watch tripped. The check of
 * the work limit itself is cheap enough to make on every call. */
static fz_device *pass(fz_context *ctx, fz_device *dev)
{
    struct guard *g = (struct guard *)dev;
    atomic_fetch_add(&g->w->calls, 1);
    enum watch_trip why = atomic_load(&g->w->tripped) ? WATCH_OK : judge(g->w, 0);
    if (why)
        trip(g->w, why);
    if (atomic_load(&g->w->tripped))
        fz_throw(ctx, FZ_ERROR_ABORT, "extraction limit");
    return g->target;
}

/* Calls that end something already begun are passed on unconditionally,
 * so the target's own stack stays balanced while the run unwinds. */
static fz_device *target_of(fz_device *dev)
{
    return ((struct guard *)dev)->target;
}

static void g_fill_path(fz_context *ctx, fz_device *dev, const fz_path *p, int eo, fz_matrix m, fz_colorspace *cs,
                        const float *c, float a, fz_color_params cp)
{
    fz_fill_path(ctx, pass(ctx, dev), p, eo, m, cs, c, a, cp);
}

static void g_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *p, const fz_stroke_state *st, fz_matrix m,
                          fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
    fz_stroke_path(ctx, pass(ctx, dev), p, st, m, cs, c, a, cp);
}

static void g_clip_path(fz_context *ctx, fz_device *dev, const fz_path *p, int eo, fz_matrix m, fz_rect r)
{
    fz_clip_path(ctx, pass(ctx, dev), p, eo, m, r);
}

static void g_clip_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *p, const fz_stroke_state *st,
                               fz_matrix m, fz_rect r)
{
    fz_clip_stroke_path(ctx, pass(ctx, dev), p, st, m, r);
}

static void g_fill_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m, fz_colorspace *cs,
                        const float *c, float a, fz_color_params cp)
{
    fz_fill_text(ctx, pass(ctx, dev), t, m, cs, c, a, cp);
}

static void g_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *t, const fz_stroke_state *st, fz_matrix m,
                          fz_colorspace *cs, const float *c, float a, fz_color_params cp)
{
    fz_stroke_text(ctx, pass(ctx, dev), t, st, m, cs, c, a, cp);
}

static void g_clip_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m, fz_rect r)
{
    fz_clip_text(ctx, pass(ctx, dev), t, m, r);
}

static void g_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *t, const fz_stroke_state *st,
                               fz_matrix m, fz_rect r)
{
    fz_clip_stroke_text(ctx, pass(ctx, dev), t, st, m, r);
}

static void g_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *t, fz_matrix m)
{
    fz_ignore_text(ctx, pass(ctx, dev), t, m);
}

static void g_fill_shade(fz_context *ctx, fz_device *dev, fz_shade *sh, fz_matrix m, float a, fz_color_params cp)
{
    fz_fill_shade(ctx, pass(ctx, dev), sh, m, a, cp);
}

static void g_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, float a, fz_color_params cp)
{
    fz_fill_image(ctx, pass(ctx, dev), img, m, a, cp);
}

static void g_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, fz_colorspace *cs,
                              const float *c, float a, fz_color_params cp)
{
    fz_fill_image_mask(ctx, pass(ctx, dev), img, m, cs, c, a, cp);
}

static void g_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix m, fz_rect r)
{
    fz_clip_image_mask(ctx, pass(ctx, dev), img, m, r);
}

static void g_pop_clip(fz_context *ctx, fz_device *dev)
{
    fz_pop_clip(ctx, target_of(dev));
}

static void g_begin_mask(fz_context *ctx, fz_device *dev, fz_rect r, int lum, fz_colorspace *cs, const float *bc,
                         fz_color_params cp)
{
    fz_begin_mask(ctx, pass(ctx, dev), r, lum, cs, bc, cp);
}

static void g_end_mask(fz_context *ctx, fz_device *dev)
{
    fz_end_mask(ctx, target_of(dev));
}

static void g_begin_group(fz_context *ctx, fz_device *dev, fz_rect r, fz_colorspace *cs, int iso, int ko, int bm,
                          float a)
{
    fz_begin_group(ctx, pass(ctx, dev), r, cs, iso, ko, bm, a);
}

static void g_end_group(fz_context *ctx, fz_device *dev)
{
    fz_end_group(ctx, target_of(dev));
}

static int g_begin_tile(fz_context *ctx, fz_device *dev, fz_rect area, fz_rect view, float xs, float ys, fz_matrix m,
                        int id)
{
    return fz_begin_tile_id(ctx, pass(ctx, dev), area, view, xs, ys, m, id);
}

static void g_end_tile(fz_context *ctx, fz_device *dev)
{
    fz_end_tile(ctx, target_of(dev));
}

static void g_render_flags(fz_context *ctx, fz_device *dev, int set, int clear)
{
    fz_render_flags(ctx, target_of(dev), set, clear);
}

static void g_set_default_colorspaces(fz_context *ctx, fz_device *dev, fz_default_colorspaces *d)
{
    fz_set_default_colorspaces(ctx, target_of(dev), d);
}

static void g_begin_layer(fz_context *ctx, fz_device *dev, const char *name)
{
    fz_begin_layer(ctx, target_of(dev), name);
}

static void g_end_layer(fz_context *ctx, fz_device *dev)
{
    fz_end_layer(ctx, target_of(dev));
}

static void g_close_device(fz_context *ctx, fz_device *dev)
{
    fz_close_device(ctx, target_of(dev));
}

static void g_drop_device(fz_context *ctx, fz_device *dev)
{
    fz_drop_device(ctx, target_of(dev));
}

fz_device *watch_device(fz_context *ctx, fz_device *target, struct watch *w)
{
    struct guard *g = fz_new_derived_device(ctx, struct guard);
    g->target = target;
    g->w = w;
    g->super.hints = target->hints; /* e.g. whether images need decoding at all */
    g->super.flags = target->flags;
    g->super.close_device = g_close_device;
    g->super.drop_device = g_drop_device;
    g->super.fill_path = g_fill_path;
    g->super.stroke_path = g_stroke_path;
    g->super.clip_path = g_clip_path;
    g->super.clip_stroke_path = g_clip_stroke_path;
    g->super.fill_text = g_fill_text;
    g->super.stroke_text = g_stroke_text;
    g->super.clip_text = g_clip_text;
    g->super.clip_stroke_text = g_clip_stroke_text;
    g->super.ignore_text = g_ignore_text;
    g->super.fill_shade = g_fill_shade;
    g->super.fill_image = g_fill_image;
    g->super.fill_image_mask = g_fill_image_mask;
    g->super.clip_image_mask = g_clip_image_mask;
    g->super.pop_clip = g_pop_clip;
    g->super.begin_mask = g_begin_mask;
    g->super.end_mask = g_end_mask;
    g->super.begin_group = g_begin_group;
    g->super.end_group = g_end_group;
    g->super.begin_tile = g_begin_tile;
    g->super.end_tile = g_end_tile;
    g->super.render_flags = g_render_flags;
    g->super.set_default_colorspaces = g_set_default_colorspaces;
    g->super.begin_layer = g_begin_layer;
    g->super.end_layer = g_end_layer;
    return &g->super;
}

/*
 * The raw limit: what a single thread spends only on reading each chapter, running libcmark on
 * it and writing a bare page. No templates, ids, links or checks.
 *
 *     gcc -O2 -o rawlimit Benchmarks/rawlimit.c $(pkg-config --cflags --libs libcmark)
 *     rawlimit CORPUS/content OUT       # writes OUT/<lang>/<file stem>/index.html
 */
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    *length = fread(text, 1, (size_t)size, file);
    text[*length] = '\0';
    fclose(file);
    return text;
}

/* The body after the front matter's closing `---` line. */
static const char *skip_front_matter(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *end = strstr(text + 4, "\n---\n");
    return end ? end + 5 : text;
}

static int render_folder(const char *content, const char *language, const char *out) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", content, language);
    DIR *folder = opendir(path);
    if (!folder) {
        perror(path);
        return -1;
    }
    snprintf(path, sizeof path, "%s/%s", out, language);
    mkdir(path, 0755);
    int pages = 0;
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        size_t name_length = strlen(entry->d_name);
        if (name_length < 4 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;
        size_t length;
        snprintf(path, sizeof path, "%s/%s/%s", content, language, entry->d_name);
        char *text = read_file(path, &length);
        if (!text) {
            perror(path);
            return -1;
        }
        const char *body = skip_front_matter(text);
        char *html = cmark_markdown_to_html(body, length - (size_t)(body - text), CMARK_OPT_DEFAULT);
        snprintf(path, sizeof path, "%s/%s/%.*s", out, language, (int)(name_length - 3), entry->d_name);
        mkdir(path, 0755);
        strncat(path, "/index.html", sizeof path - strlen(path) - 1);
        FILE *page = fopen(path, "wb");
        if (!page) {
            perror(path);
            return -1;
        }
        fprintf(page, "<!DOCTYPE html>\n<html lang=\"%s\">\n<meta charset=\"utf-8\">\n<title>%s</title>\n<body>\n%s</body>\n</html>\n",
                language, entry->d_name, html);
        if (fclose(page) != 0) {
            perror(path);
            return -1;
        }
        free(html);
        free(text);
        pages++;
    }
    closedir(folder);
    return pages;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONTENT_DIR OUT_DIR\n", argv[0]);
        return 2;
    }
    if (mkdir(argv[2], 0755) != 0 && errno != EEXIST) {
        perror(argv[2]);
        return 1;
    }
    int total = 0;
    const char *languages[] = {"zh-Hant", "en"};
    for (int i = 0; i < 2; i++) {
        int pages = render_folder(argv[1], languages[i], argv[2]);
        if (pages < 0) return 1;
        total += pages;
    }
    printf("rawlimit: %d pages\n", total);
    return 0;
}

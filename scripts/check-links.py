#!/usr/bin/env python3
"""Checks every relative link and #anchor in the repository's Markdown files (README.md, docs/*.md, the rest).

A link is broken when its file does not exist, or when its #anchor names no heading of the target Markdown file
(GitHub's heading ids: lower case, punctuation dropped, spaces as '-', '-1', '-2', ... for repeats) and no
explicit <a id="..."> / <a name="..."> there. Links with a scheme (https:, mailto:, ...) are not checked; links
inside fenced code blocks and `code spans` are not links. Anchors are checked only in Markdown targets.

Usage: check-links.py [--root DIR]   (default: the repository this script belongs to)
Prints one line per broken link, "FILE:LINE: broken link TARGET: WHY", then a summary line
"check-links: N links checked in M files, K broken". Exit code 0 when none is broken, 1 otherwise, 2 when
the root is not a folder.
"""

import argparse
import os
import re
import sys
import unicodedata
from urllib.parse import unquote

# Folders that hold installed or generated files, never the repository's own documentation.
EXCLUDED_DIRS = {"node_modules", "bin", "obj", ".tools", "artifacts", ".git", "TestResults", "StrykerOutput",
                 "BenchmarkDotNet.Artifacts", ".azurite"}

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
HTML_ANCHOR = re.compile(r"<a\s[^>]*?(?:id|name)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# [text](target "title") and ![alt](target); the text may hold one level of brackets.
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+[\"'(][^)]*)?\s*\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def markdown_files(root):
    for directory, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if d not in EXCLUDED_DIRS)
        for name in sorted(files):
            if name.lower().endswith(".md"):
                yield os.path.join(directory, name)


def prose_lines(text):
    """(line number, line) outside fenced code blocks."""
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        yield number, line


def heading_text_to_slug(text):
    """GitHub's id for a heading: the rendered text, lower-cased, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)          # images: their alt text
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)            # links: their text
    text = re.sub(r"<[^>]+>", "", text)                             # inline HTML tags
    text = CODE_SPAN.sub(lambda m: m.group(2), text)
    text = text.strip().lower()
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "-_" or category[0] in "LN" or category == "Mn":
            kept.append(char)
        elif char == " ":
            kept.append("-")
    return "".join(kept)


def anchors_of(text):
    anchors = set()
    seen = {}
    previous = None
    for _, line in prose_lines(text):
        anchors.update(HTML_ANCHOR.findall(line))
        heading = None
        match = ATX_HEADING.match(line)
        if match:
            heading = match.group(2) or ""
        elif previous is not None and previous.strip() and SETEXT_UNDERLINE.match(line) \
                and not previous.lstrip().startswith(("|", "-", "*", "+", ">", "#")):
            heading = previous.strip()
        previous = line
        if heading is None:
            continue
        slug = heading_text_to_slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
        previous = None
    return anchors


def links_of(text):
    """(line number, target) of every link outside code."""
    for number, line in prose_lines(text):
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in INLINE_LINK.finditer(line):
            yield number, match.group(1)
        match = REFERENCE_DEFINITION.match(line)
        if match:
            yield number, match.group(1)


def check(root):
    root = os.path.abspath(root)
    anchor_cache = {}

    def anchors(path):
        if path not in anchor_cache:
            with open(path, encoding="utf-8") as target:
                anchor_cache[path] = anchors_of(target.read())
        return anchor_cache[path]

    broken = []
    checked = 0
    files = list(markdown_files(root))
    for path in files:
        with open(path, encoding="utf-8") as source:
            text = source.read()
        shown = os.path.relpath(path, root)
        for number, target in links_of(text):
            target = target[1:-1] if target.startswith("<") and target.endswith(">") else target
            if not target or SCHEME.match(target) or target.startswith("//"):
                continue
            checked += 1
            file_part, _, anchor = target.partition("#")
            file_part = unquote(file_part.split("?", 1)[0])
            if file_part:
                base = root if file_part.startswith("/") else os.path.dirname(path)
                resolved = os.path.normpath(os.path.join(base, file_part.lstrip("/")))
            else:
                resolved = path
            if not os.path.exists(resolved):
                broken.append(f"{shown}:{number}: broken link {target}: no file {os.path.relpath(resolved, root)}")
            elif anchor and resolved.lower().endswith(".md") and os.path.isfile(resolved) \
                    and unquote(anchor) not in anchors(resolved):
                broken.append(f"{shown}:{number}: broken link {target}: "
                              f"no heading '#{anchor}' in {os.path.relpath(resolved, root)}")
    return files, checked, broken


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.root):
        print(f"check-links: {arguments.root} is not a folder", file=sys.stderr)
        return 2
    files, checked, broken = check(arguments.root)
    for line in broken:
        print(line)
    print(f"check-links: {checked} links checked in {len(files)} files, {len(broken)} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

package chatkit

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Page is one page of a list call: its items, the whole response they came in
// (Response: every field of the page, such as has_more or a total), and the way to
// the next page. List methods return the first page; NextPage fetches the next one,
// and the ListAutoPaging methods iterate over every item of every page.
type Page[T, R any] struct {
	// Items are this page's items.
	Items []T
	// Response is the page as decoded.
	Response R
	// Header holds the page's response headers.
	Header http.Header

	client *Client
	req    request // the request that fetched this page
	opts   []Option
	paging paging
	decode func([]byte) (R, error) // decodes and validates a page's JSON
	items  func(*R) []T
	body   []byte // the page's JSON
	target string // the URL the page was fetched from
}

// paging says how a list pages (from the spec; all wire names).
type paging struct {
	style   string // cursor | offset | page | link
	items   string // the response member holding the items; "" when the body is the list
	param   string // the query parameter that selects the page (cursor, offset, page number)
	cursor  string // cursor style: the member holding the next cursor; "" for the last item's id
	hasMore string // a boolean member that is false on the last page, or ""
	total   string // offset style: the member counting every item, or ""
	first   int64  // page style: the number of the first page
}

// listPage fetches the page req asks for; decode decodes (and validates) its JSON, and
// items picks the items out of it.
func listPage[T, R any](ctx context.Context, c *Client, req *request, opts []Option, p paging, decode func([]byte) (R, error), items func(*R) []T) (*Page[T, R], error) {
	resp, body, _, target, err := c.exchange(ctx, req, opts, false)
	if err != nil {
		return nil, err
	}
	page := &Page[T, R]{Header: resp.Header, client: c, req: *req, opts: opts, paging: p, decode: decode, items: items, body: body, target: target}
	if page.Response, err = decode(body); err != nil {
		return nil, fmt.Errorf("%s: %s %s: decoding the response: %w", packageName, req.method, target, err)
	}
	page.Items = items(&page.Response)
	return page, nil
}

// HasNextPage reports whether there is a page after this one (NextPage then
// fetches it, or reports why it cannot).
func (p *Page[T, R]) HasNextPage() bool {
	next, err := p.nextRequest()
	return next != nil || err != nil
}

// NextPage fetches the page after this one; it returns nil and no error when
// this is the last page.
func (p *Page[T, R]) NextPage(ctx context.Context) (*Page[T, R], error) {
	next, err := p.nextRequest()
	if next == nil || err != nil {
		return nil, err
	}
	return listPage(ctx, p.client, next, p.opts, p.paging, p.decode, p.items)
}

// autoPaging iterates over the items of first's page and of every page after it;
// the first error is yielded once and ends the iteration.
func autoPaging[T, R any](ctx context.Context, first func() (*Page[T, R], error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		page, err := first()
		for err == nil && page != nil {
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			page, err = page.NextPage(ctx)
		}
		if err != nil {
			var zero T
			yield(zero, err)
		}
	}
}

// nextRequest is the request for the page after this one, or nil on the last page.
func (p *Page[T, R]) nextRequest() (*request, error) {
	if p.paging.style == "link" {
		return p.linkRequest()
	}
	if len(p.Items) == 0 || p.member(p.paging.hasMore) == "false" {
		return nil, nil
	}
	var value string
	switch p.paging.style {
	case "cursor":
		value = p.nextCursor()
		if value == "" || value == queryValue(p.req.query, p.paging.param) {
			return nil, nil
		}
	case "offset":
		offset, err := p.sent(0)
		if err != nil {
			return nil, err
		}
		offset += int64(len(p.Items))
		if total, err := strconv.ParseInt(p.member(p.paging.total), 10, 64); err == nil && offset >= total {
			return nil, nil
		}
		value = strconv.FormatInt(offset, 10)
	case "page":
		page, err := p.sent(p.paging.first)
		if err != nil {
			return nil, err
		}
		value = strconv.FormatInt(page+1, 10)
	default:
		return nil, fmt.Errorf("%s: unknown pagination style %q", packageName, p.paging.style)
	}
	next := p.req
	next.query = withQuery(p.req.query, p.paging.param, value)
	return &next, nil
}

// queryValue is the value of the first name=value piece of the encoded query
// pieces ("" when there is none).
func queryValue(query []string, name string) string {
	key := pct(name) + "="
	for _, piece := range query {
		if text, ok := strings.CutPrefix(piece, key); ok {
			value, err := url.PathUnescape(text)
			if err != nil {
				return text
			}
			return value
		}
	}
	return ""
}

// withQuery is a copy of the encoded query pieces with name set to value: in
// place of its first piece (its other pieces dropped), or added at the end.
func withQuery(query []string, name, value string) []string {
	key := pct(name) + "="
	out := make([]string, 0, len(query)+1)
	set := false
	for _, piece := range query {
		if !strings.HasPrefix(piece, key) {
			out = append(out, piece)
		} else if !set {
			out, set = append(out, key+pct(value)), true
		}
	}
	if !set {
		out = append(out, key+pct(value))
	}
	return out
}

// sent is the number this page's request sent in the paging parameter (fallback when it sent none).
func (p *Page[T, R]) sent(fallback int64) (int64, error) {
	text := queryValue(p.req.query, p.paging.param)
	if text == "" {
		return fallback, nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: the %s parameter %q is not a number", packageName, p.paging.param, text)
	}
	return n, nil
}

// member is the text of the page's top-level member key: a string's value or
// another value's JSON text ("" when absent, null or key is "").
func (p *Page[T, R]) member(key string) string {
	body := trimJSON(p.body)
	if key == "" || len(body) == 0 || body[0] != '{' {
		return ""
	}
	return scalarText(member(body, key))
}

// nextCursor is the cursor member's value, or the id of the page's last item.
func (p *Page[T, R]) nextCursor() string {
	if p.paging.cursor != "" {
		return p.member(p.paging.cursor)
	}
	list := trimJSON(p.body)
	if p.paging.items != "" {
		list = member(list, p.paging.items)
	}
	var last []byte
	if len(list) > 0 && list[0] == '[' {
		_ = items(list, func(_ int, value []byte) error {
			last = value
			return nil
		})
	}
	if len(last) == 0 || last[0] != '{' {
		return ""
	}
	return scalarText(member(last, "id"))
}

// scalarText is a string's value or a number's (or boolean's) text; "" for null,
// objects, arrays and nothing.
func scalarText(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		s, _ := decodeString(raw)
		return s
	case 'n', '{', '[':
		return ""
	}
	return string(raw)
}

// linkRequest follows the page's Link header (RFC 8288) rel="next", which must
// stay under the base URL the page was fetched from.
func (p *Page[T, R]) linkRequest() (*request, error) {
	link := nextLink(p.Header.Values("Link"))
	if link == "" {
		return nil, nil
	}
	here, err := url.Parse(p.target)
	if err != nil {
		return nil, err
	}
	ref, err := url.Parse(link)
	if err != nil {
		return nil, fmt.Errorf("%s: the next page link %q: %w", packageName, link, err)
	}
	next := here.ResolveReference(ref).String()
	if next == p.target {
		return nil, nil
	}
	// The target is the base URL (which has no query), the path, then "?" and the query.
	fetched, _, _ := strings.Cut(p.target, "?")
	path, _, _ := strings.Cut(p.req.path, "?")
	base := strings.TrimSuffix(fetched, path)
	rest, ok := strings.CutPrefix(next, base)
	if !ok || rest == "" || (rest[0] != '/' && rest[0] != '?') {
		return nil, fmt.Errorf("%s: the next page link %q is not under the base URL %q", packageName, next, base)
	}
	// The link carries the query; the headers, cookies and credentials stay the call's.
	return &request{method: p.req.method, path: rest, header: p.req.header, cookies: p.req.cookies, security: p.req.security}, nil
}

// nextLink returns the target of the rel="next" link among Link header values, or "".
func nextLink(values []string) string {
	for _, value := range values {
		for _, link := range splitOutside(value, ',') {
			link = strings.TrimSpace(link)
			end := strings.IndexByte(link, '>')
			if !strings.HasPrefix(link, "<") || end < 0 {
				continue
			}
			for _, param := range splitOutside(link[end+1:], ';') {
				name, val, _ := strings.Cut(strings.TrimSpace(param), "=")
				if !strings.EqualFold(strings.TrimSpace(name), "rel") {
					continue
				}
				for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(val), `"`)) {
					if strings.EqualFold(rel, "next") {
						return link[1:end]
					}
				}
			}
		}
	}
	return ""
}

// splitOutside splits s at sep, except inside <...> and "...".
func splitOutside(s string, sep byte) []string {
	var parts []string
	inURL, inQuote, start := false, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inQuote && c == '\\':
			i++
		case c == '"' && !inURL:
			inQuote = !inQuote
		case c == '<' && !inQuote:
			inURL = true
		case c == '>' && !inQuote:
			inURL = false
		case c == sep && !inURL && !inQuote:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

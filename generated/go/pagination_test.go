package chatkit

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

type pageItem struct {
	ID string `json:"id"`
}

type pageList struct {
	Data []pageItem `json:"data"`
}

func pageItems(r *pageList) []pageItem { return r.Data }

func decodePageList(b []byte) (pageList, error) {
	var v pageList
	err := json.Unmarshal(b, &v)
	return v, err
}

// pagedServer answers request n with pages[n-1] (a status of 0 is 200), and 404
// past the end; link pages also get their Link header.
type scriptedPage struct {
	status int
	body   string
	link   string
}

func pagedServer(t *testing.T, pages []scriptedPage) *testServer {
	return serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n > len(pages) {
			reply(w, 404, `{"error":{"message":"no such page"}}`)
			return
		}
		p := pages[n-1]
		if p.link != "" {
			w.Header().Set("Link", p.link)
		}
		status := p.status
		if status == 0 {
			status = 200
		}
		reply(w, status, p.body)
	})
}

func collect(t *testing.T, c *Client, path string, query []string, p paging) ([]string, error) {
	t.Helper()
	first := func() (*Page[pageItem, pageList], error) {
		req := request{method: "GET", path: path, header: http.Header{}, query: query}
		return listPage(context.Background(), c, &req, nil, p, decodePageList, pageItems)
	}
	var ids []string
	for item, err := range autoPaging(context.Background(), first) {
		if err != nil {
			return ids, err
		}
		ids = append(ids, item.ID)
	}
	return ids, nil
}

func sentQuery(s *testServer, key string) []string {
	var out []string
	for i := 0; i < s.attempts(); i++ {
		r, _ := s.request(i)
		out = append(out, r.URL.Query().Get(key))
	}
	return out
}

func TestPagingStyles(t *testing.T) {
	items := func(ids ...string) string {
		var parts []string
		for _, id := range ids {
			parts = append(parts, `{"id":"`+id+`"}`)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	cases := []struct {
		name   string
		paging paging
		pages  []scriptedPage
		param  string
		sent   []string // the paging parameter sent with each request
		ids    []string
	}{
		{
			name:   "cursor from the last item's id, until has_more is false",
			paging: paging{style: "cursor", items: "data", param: "after", hasMore: "has_more"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a", "b") + `,"has_more":true}`},
				{body: `{"data":` + items("c", "d") + `,"has_more":true}`},
				{body: `{"data":` + items("e") + `,"has_more":false}`},
			},
			param: "after", sent: []string{"", "b", "d"}, ids: []string{"a", "b", "c", "d", "e"},
		},
		{
			name:   "cursor member, until it is null",
			paging: paging{style: "cursor", items: "data", param: "page_token", cursor: "next"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a") + `,"next":"t2"}`},
				{body: `{"data":` + items("b") + `,"next":"t3"}`},
				{body: `{"data":` + items("c") + `,"next":null}`},
			},
			param: "page_token", sent: []string{"", "t2", "t3"}, ids: []string{"a", "b", "c"},
		},
		{
			name:   "cursor: an empty page ends the list, whatever has_more says",
			paging: paging{style: "cursor", items: "data", param: "after", hasMore: "has_more"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a", "b") + `,"has_more":true}`},
				{body: `{"data":[],"has_more":true}`},
			},
			param: "after", sent: []string{"", "b"}, ids: []string{"a", "b"},
		},
		{
			name:   "cursor: a cursor that does not move ends the list",
			paging: paging{style: "cursor", items: "data", param: "page_token", cursor: "next"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a") + `,"next":"t2"}`},
				{body: `{"data":` + items("b") + `,"next":"t2"}`},
			},
			param: "page_token", sent: []string{"", "t2"}, ids: []string{"a", "b"},
		},
		{
			name:   "offset, until an empty page",
			paging: paging{style: "offset", items: "data", param: "offset"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a", "b") + `}`},
				{body: `{"data":` + items("c", "d") + `}`},
				{body: `{"data":` + items("e") + `}`},
				{body: `{"data":[]}`},
			},
			param: "offset", sent: []string{"", "2", "4", "5"}, ids: []string{"a", "b", "c", "d", "e"},
		},
		{
			name:   "offset, until the total is reached",
			paging: paging{style: "offset", items: "data", param: "offset", total: "total"},
			pages: []scriptedPage{
				{body: `{"data":` + items("a", "b") + `,"total":3}`},
				{body: `{"data":` + items("c") + `,"total":3}`},
			},
			param: "offset", sent: []string{"", "2"}, ids: []string{"a", "b", "c"},
		},
		{
			name:   "page numbers from the first page, until an empty page",
			paging: paging{style: "page", items: "data", param: "page", first: 1},
			pages: []scriptedPage{
				{body: `{"data":` + items("a", "b") + `}`},
				{body: `{"data":` + items("c") + `}`},
				{body: `{"data":[]}`},
			},
			param: "page", sent: []string{"", "2", "3"}, ids: []string{"a", "b", "c"},
		},
		{
			name:   "Link headers, relative and absolute, until there is no next link",
			paging: paging{style: "link", items: "data", param: ""},
			pages: []scriptedPage{
				{body: `{"data":` + items("a") + `}`, link: `</v1/things?cursor=2>; rel="next", </v1/things?cursor=9>; rel="last"`},
				{body: `{"data":[]}`, link: `<things?cursor=3>; rel="prev next"`},
				{body: `{"data":` + items("b") + `}`, link: `</v1/things?cursor=1>; rel=first`},
			},
			param: "cursor", sent: []string{"", "2", "3"}, ids: []string{"a", "b"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := pagedServer(t, tc.pages)
			c := newTestClient(t, s)
			ids, err := collect(t, c, "/things", []string{"limit=2"}, tc.paging)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(ids, tc.ids) {
				t.Errorf("items %q, want %q", ids, tc.ids)
			}
			if got := sentQuery(s, tc.param); !reflect.DeepEqual(got, tc.sent) {
				t.Errorf("%s sent %q, want %q", tc.param, got, tc.sent)
			}
			if tc.paging.style != "link" {
				if got := sentQuery(s, "limit"); len(got) != len(tc.sent) || got[len(got)-1] != "2" {
					t.Errorf("the other parameters must be sent with every page: limit %q", got)
				}
			}
		})
	}
}

// An error on page 3 ends the iteration: the items of pages 1 and 2, then the error once.
func TestPagingStopsOnTheFirstError(t *testing.T) {
	s := pagedServer(t, []scriptedPage{
		{body: `{"data":[{"id":"a"}],"has_more":true}`},
		{body: `{"data":[{"id":"b"}],"has_more":true}`},
		{status: 400, body: `{"error":{"message":"bad cursor"}}`},
		{body: `{"data":[{"id":"c"}],"has_more":false}`},
	})
	c := newTestClient(t, s)
	p := paging{style: "cursor", items: "data", param: "after", hasMore: "has_more"}
	first := func() (*Page[pageItem, pageList], error) {
		req := request{method: "GET", path: "/things", header: http.Header{}}
		return listPage(context.Background(), c, &req, nil, p, decodePageList, pageItems)
	}
	var ids []string
	var errs []error
	for item, err := range autoPaging(context.Background(), first) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, item.ID)
	}
	var apiErr *Error
	if !reflect.DeepEqual(ids, []string{"a", "b"}) || len(errs) != 1 || !errors.As(errs[0], &apiErr) || apiErr.StatusCode != 400 {
		t.Errorf("items %q, errors %v", ids, errs)
	}
	if s.attempts() != 3 {
		t.Errorf("%d requests, want 3", s.attempts())
	}
}

// Breaking out of the loop fetches no further page; NextPage on the last page is nil.
func TestPagingByHand(t *testing.T) {
	one := scriptedPage{body: `{"data":[{"id":"a"},{"id":"b"}],"has_more":true}`}
	s := pagedServer(t, []scriptedPage{one, one, {body: `{"data":[{"id":"c"}],"has_more":false}`}})
	c := newTestClient(t, s)
	p := paging{style: "cursor", items: "data", param: "after", hasMore: "has_more"}
	req := request{method: "GET", path: "/things", header: http.Header{}}
	first := func() (*Page[pageItem, pageList], error) {
		return listPage(context.Background(), c, &req, nil, p, decodePageList, pageItems)
	}
	for range autoPaging(context.Background(), first) {
		break
	}
	if s.attempts() != 1 {
		t.Fatalf("breaking after the first item made %d requests", s.attempts())
	}
	page, err := first()
	if err != nil || !page.HasNextPage() || len(page.Items) != 2 || page.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("first page: %+v %v", page, err)
	}
	last, err := page.NextPage(context.Background())
	if err != nil || last.HasNextPage() || len(last.Items) != 1 || last.Items[0].ID != "c" {
		t.Fatalf("last page: %+v %v", last, err)
	}
	if none, err := last.NextPage(context.Background()); none != nil || err != nil {
		t.Errorf("after the last page: %v %v", none, err)
	}
}

// A next link outside the base URL is an error, not a request carrying the API key elsewhere.
func TestPagingLinkMustStayUnderTheBaseURL(t *testing.T) {
	for _, link := range []string{`<https://elsewhere.example/v1/things?page=2>; rel="next"`, `</v10/things>; rel="next"`, `</other>; rel="next"`} {
		s := pagedServer(t, []scriptedPage{{body: `{"data":[{"id":"a"}]}`, link: link}})
		c := newTestClient(t, s)
		ids, err := collect(t, c, "/things", nil, paging{style: "link", items: "data"})
		if err == nil || !strings.Contains(err.Error(), "not under the base URL") || len(ids) != 1 || s.attempts() != 1 {
			t.Errorf("%s: items %q, error %v, %d requests", link, ids, err, s.attempts())
		}
	}
}

func TestNextLink(t *testing.T) {
	for header, want := range map[string]string{
		`<https://x/a?p=2>; rel="next"`:                              "https://x/a?p=2",
		`<https://x/a?p=1>; rel="prev", <https://x/a?p=3>; rel=next`: "https://x/a?p=3",
		`<https://x/a?q=1,2>; title="a, b"; REL="Next Last"`:         "https://x/a?q=1,2",
		`<https://x/a>; rel="nextish"`:                               "",
		`garbage, <https://x/b>; rel="next"`:                         "https://x/b",
		``:                                                           "",
	} {
		if got := nextLink([]string{header}); got != want {
			t.Errorf("nextLink(%s) = %q, want %q", header, got, want)
		}
	}
	if got := nextLink([]string{`<https://x/1>; rel="prev"`, `<https://x/2>; rel="next"`}); got != "https://x/2" {
		t.Errorf("several Link headers: %q", got)
	}
}

// A next page keeps the call's credentials and cookies: a query credential follows the
// link's own query (once), and a cursor replaces only the paging parameter.
func TestPagingKeepsCredentialsAndCookies(t *testing.T) {
	saved, savedRequired := securitySchemes, requiredSchemes
	securitySchemes = map[string]securityScheme{
		"qkey": {kind: "token", in: "query", param: "api key", options: "WithQKey"},
		"ckey": {kind: "token", in: "cookie", param: "sid", options: "WithCKey"},
	}
	requiredSchemes = nil
	t.Cleanup(func() { securitySchemes, requiredSchemes = saved, savedRequired })
	for _, tc := range []struct {
		name  string
		p     paging
		pages []scriptedPage
		want  []string // each request's raw query
	}{
		{
			name:  "link",
			p:     paging{style: "link", items: "data"},
			pages: []scriptedPage{{body: `{"data":[{"id":"a"}]}`, link: `</v1/things?cursor=2>; rel="next"`}, {body: `{"data":[{"id":"b"}]}`}},
			want:  []string{"limit=2&api%20key=k%2F1", "cursor=2&api%20key=k%2F1"},
		},
		{
			name:  "cursor",
			p:     paging{style: "cursor", items: "data", param: "after id", cursor: "next", hasMore: "more"},
			pages: []scriptedPage{{body: `{"data":[{"id":"a"}],"more":true,"next":"x y/z"}`}, {body: `{"data":[{"id":"b"}],"more":false}`}},
			want:  []string{"limit=2&api%20key=k%2F1", "limit=2&after%20id=x%20y%2Fz&api%20key=k%2F1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := pagedServer(t, tc.pages)
			c, err := NewClient(WithBaseURL(s.URL+"/v1"), withCredential("qkey", "k/1"), withCredential("ckey", "c1"))
			if err != nil {
				t.Fatal(err)
			}
			first := func() (*Page[pageItem, pageList], error) {
				req := request{method: "GET", path: "/things", header: http.Header{}, query: []string{"limit=2"}, cookies: []string{"a=1"}, security: [][]string{{"qkey", "ckey"}}}
				return listPage(context.Background(), c, &req, nil, tc.p, decodePageList, pageItems)
			}
			var ids []string
			for item, err := range autoPaging(context.Background(), first) {
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, item.ID)
			}
			if !reflect.DeepEqual(ids, []string{"a", "b"}) || s.attempts() != 2 {
				t.Fatalf("items %q in %d requests", ids, s.attempts())
			}
			for i, want := range tc.want {
				r, _ := s.request(i)
				if r.URL.RawQuery != want || r.Header.Get("Cookie") != "a=1; sid=c1" {
					t.Errorf("request %d: query %q, want %q; Cookie %q", i+1, r.URL.RawQuery, want, r.Header.Get("Cookie"))
				}
			}
		})
	}
}

func TestQueryPieces(t *testing.T) {
	q := []string{"a=1", "after%20id=x%2Fy", "b=2", "after%20id=again"}
	if got := queryValue(q, "after id"); got != "x/y" {
		t.Errorf("queryValue = %q", got)
	}
	if got := queryValue(q, "missing"); got != "" {
		t.Errorf("queryValue(missing) = %q", got)
	}
	if got, want := withQuery(q, "after id", "n&1"), []string{"a=1", "after%20id=n%261", "b=2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("withQuery = %q, want %q", got, want)
	}
	if got, want := withQuery(q[:1], "page", "2"), []string{"a=1", "page=2"}; !reflect.DeepEqual(got, want) || len(q) != 4 || q[1] != "after%20id=x%2Fy" {
		t.Errorf("withQuery = %q, want %q (and q unchanged: %q)", got, want, q)
	}
}

// A page is decoded by the list's decoder, which validates it: a page it refuses is an error.
func TestPagingValidatesEachPage(t *testing.T) {
	s := pagedServer(t, []scriptedPage{{body: `{"data":[{"id":"a"}]}`}})
	c := newTestClient(t, s)
	refuse := func([]byte) (pageList, error) {
		return pageList{}, &ValidationError{Path: "data[0].id", Message: "is too short"}
	}
	req := request{method: "GET", path: "/things", header: http.Header{}}
	page, err := listPage(context.Background(), c, &req, nil, paging{style: "cursor", items: "data", param: "after"}, refuse, pageItems)
	var verr *ValidationError
	if page != nil || !errors.As(err, &verr) || verr.Path != "data[0].id" || !strings.Contains(err.Error(), "decoding the response") {
		t.Errorf("page %v, error %v", page, err)
	}
}

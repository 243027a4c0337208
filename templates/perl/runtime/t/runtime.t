# The runtime against a scripted local server: retries, timeouts, error mapping, headers,
# path escaping, open enums, unknown fields, exact JSON kinds, pagination, streams, uploads.
use strict;
use warnings;

use FindBin ();
use lib "$FindBin::Bin/lib";

use Test::More;
use Scalar::Util qw(blessed);
use TestServer ();
use TestAPI    ();
use ChatKit::Runtime::Pager ();
use ChatKit::Runtime::JSON qw(json_decode json_encode json_kind json_true);
use ChatKit::Runtime::Retry qw(should_retry_status retry_after_seconds retry_delay);

my $THING = { id => 'th_1', status => 'active', flag => JSON::PP::true, count => 3 };

sub client {
    my ( $server, %opt ) = @_;
    return TestAPI::Client->new(
        api_key  => 'sk-test',
        base_url => $server->url,
        %opt,
    );
}

sub error_of {
    my ($code) = @_;
    my $ok = eval { $code->(); 1 };
    return $ok ? undef : $@;
}

subtest 'retries 5xx with Retry-After, counting attempts' => sub {
    my $server = TestServer->start(
        { status => 503, headers => { 'retry-after-ms' => '10' }, json => {} },
        { status => 500, headers => { 'Retry-After'    => '0' },  json => {} },
        { status => 200, json    => $THING },
    );
    my $thing    = client( $server, max_retries => 2 )->call( get => 'th_1' );
    my @requests = $server->requests;
    is( scalar @requests, 3, 'three attempts' );
    is( $requests[0]{headers}{'x-retry-count'}, undef, 'no retry count on the first' );
    is( $requests[2]{headers}{'x-retry-count'}, '2',   'the retry count on the third' );
    is( $thing->id, 'th_1', 'the last answer is decoded' );
};

subtest 'gives up after max_retries' => sub {
    my $server = TestServer->start( { status => 502, headers => { 'retry-after-ms' => '1' }, json => {} } );
    my $err = error_of( sub { client( $server, max_retries => 1 )->call( get => 'x' ) } );
    isa_ok( $err, 'ChatKit::Error::InternalServer' );
    is( $err->status, 502, 'status' );
    is( scalar( my @r = $server->requests ), 2, 'two attempts' );
};

subtest 'x-should-retry overrides the status' => sub {
    my $server = TestServer->start(
        { status => 429, headers => { 'x-should-retry' => 'false', 'x-request-id' => 'req_9' }, json => { error => { message => 'slow down' } } },
    );
    my $err = error_of( sub { client($server)->call( get => 'x' ) } );
    isa_ok( $err, 'ChatKit::Error::RateLimit' );
    is( $err->request_id, 'req_9', 'request id' );
    like( "$err", qr/\A[^\n]*slow[ ]down[^\n]*\z/xms, 'one line with the message' );
    is( scalar( my @r = $server->requests ), 1, 'not retried' );
};

subtest 'error mapping per status' => sub {
    my %class = (
        400 => 'BadRequest', 401 => 'Authentication', 403 => 'PermissionDenied',
        404 => 'NotFound',   409 => 'Conflict',       422 => 'UnprocessableEntity',
        418 => 'API',
    );
    for my $status ( sort keys %class ) {
        my $server = TestServer->start( { status => $status, json => { error => { message => "m$status" } } } );
        my $err = error_of( sub { client( $server, max_retries => 0 )->call( get => 'x' ) } );
        isa_ok( $err, "ChatKit::Error::$class{$status}", "status $status" );
        isa_ok( $err, 'ChatKit::Error::API' );
        is( $err->body->{error}{message}, "m$status", 'body decoded' );
    }
};

subtest 'timeouts' => sub {
    my $server = TestServer->start( { delay => 1.5, json => $THING } );
    my $err = error_of( sub { client( $server, max_retries => 0, timeout => 0.3 )->call( get => 'x' ) } );
    isa_ok( $err, 'ChatKit::Error::Timeout' );
    isa_ok( $err, 'ChatKit::Error::Connection' );
    my $again = TestServer->start( { delay => 1.5, json => $THING } );
    $err = error_of( sub { client( $again, max_retries => 0 )->call( get => 'x', { timeout => 0.3 } ) } );
    isa_ok( $err, 'ChatKit::Error::Timeout', 'a per-call timeout' );
};

subtest 'connection errors' => sub {
    my $server = TestServer->start( { json => {} } );
    my $url    = $server->url;
    $server->stop;
    my $err = error_of(
        sub { TestAPI::Client->new( api_key => 'k', base_url => $url, max_retries => 0 )->call( get => 'x' ) } );
    isa_ok( $err, 'ChatKit::Error::Connection' );
    ok( !$err->isa('ChatKit::Error::Timeout'), 'not a timeout' );
};

subtest 'headers' => sub {
    my $server = TestServer->start( { json => $THING } );
    client( $server, default_headers => { 'X-Team' => 'a' } )
      ->call( get => 'th_1', tags => [ 'x', 'y z' ], { headers => { 'X-Call' => 'b' } } );
    my ($r) = $server->requests;
    is( $r->{headers}{authorization}, 'Bearer sk-test', 'bearer auth' );
    is( $r->{headers}{'x-beta'},      'beta=1',         'constant header' );
    is( $r->{headers}{'x-team'},      'a',              'default header' );
    is( $r->{headers}{'x-call'},      'b',              'per-call header' );
    like( $r->{headers}{'user-agent'}, qr{\ATestAPI/1[.]0 }xms, 'user agent' );
    is( $r->{path}, '/things/th_1?tags=x&tags=y%20z', 'query, exploded' );
};

subtest 'credentials' => sub {
    local $ENV{TESTAPI_API_KEY};
    my $err = error_of( sub { TestAPI::Client->new } );
    like( "$err", qr/api_key is required.*TESTAPI_API_KEY/ms, 'a missing key is a clear error' );
    local $ENV{TESTAPI_API_KEY} = 'from-env';
    is( TestAPI::Client->new->{credentials}{api_key}, 'from-env', 'read from the environment' );
};

subtest 'path escaping' => sub {
    my $server = TestServer->start( { json => $THING } );
    client($server)->call( get => 'a/b c?' );
    my ($r) = $server->requests;
    is( $r->{path}, '/things/a%2Fb%20c%3F', 'every reserved character is escaped' );
    for my $bad ( q{}, q{.}, q{..} ) {
        my $err = error_of( sub { client($server)->call( get => $bad ) } );
        isa_ok( $err, 'ChatKit::Error::Validation', "'$bad' is rejected" );
        is( $err->path, 'thing_id', 'naming the argument' );
    }
    is( scalar( my @all = $server->requests ), 1, 'nothing sent for them' );
};

subtest 'open enums, unknown fields, null vs absent' => sub {
    my $server = TestServer->start( { json => { id => 'th_2', status => 'paused', count => undef, extra => { a => [1] } } } );
    my $thing = client($server)->call( get => 'th_2' );
    is( $thing->status, 'paused', 'an unknown enum value is kept' );
    ok( !TestAPI::Status->is_known( $thing->status ), 'is_known says so' );
    ok( !$thing->is_known('status'), 'and so does the model, by field' );
    my $kinds = TestAPI::Thing->from_hash( { id => 'k', kind => 'c' } );
    ok( !$kinds->is_known('kind'), 'an inline enum: unknown' );
    ok( TestAPI::Thing->from_hash( { id => 'k', kind => 'a' } )->is_known('kind'), 'an inline enum: known' );
    ok( $thing->has_count && !defined $thing->count, 'null is kept apart from absent' );
    is_deeply( $thing->extra_fields, { extra => { a => [1] } }, 'unknown fields kept' );
    is( json_encode( $thing->to_hash ), '{"count":null,"extra":{"a":[1]},"id":"th_2","status":"paused"}', 'and written back' );
};

subtest 'request bodies keep JSON kinds; unset fields are not sent' => sub {
    my $server = TestServer->start( { json => $THING } );
    client($server)->call( create => id => '1', flag => json_true, tags => ['1'] );
    my ($r) = $server->requests;
    is( $r->{body}, '{"flag":true,"id":"1","tags":["1"]}', 'exact body' );
    my $err = error_of( sub { client($server)->call( create => flag => 1, id => 'x' ) } );
    isa_ok( $err, 'ChatKit::Error::Validation', 'a boolean must be a boolean' );
    is( $err->path, 'flag', 'naming the field' );
    $err = error_of( sub { client($server)->call( create => flag => json_true ) } );
    is( $err->path, 'id', 'a missing required field is named' );
    $err = error_of( sub { client($server)->call( create => id => 'x', nope => 1 ) } );
    is( $err->path, 'nope', 'an unknown argument is named' );
    client($server)->call( create => body => { id => 'w', extra => [1] } );
    client($server)->call( create => body => TestAPI::Thing->new( id => 'm' ) );
    my ( undef, $whole, $model ) = $server->requests;
    is( $whole->{body}, '{"extra":[1],"id":"w"}', 'a whole body by wire name, unknown fields kept' );
    is( $model->{body}, '{"id":"m"}', 'or a model' );
};

subtest 'models: validation with paths, big integers, secrets' => sub {
    my $err = error_of( sub { TestAPI::Page->from_hash( { data => [ { id => 'a' }, { id => 7 } ] } ) } );
    is( $err->path, 'data.1.id', 'the JSON path of a nested error' );
    like( "$err", qr/\Adata[.]1[.]id: expected a string, got number\z/ms, 'message' );
    my $big = TestAPI::Thing->from_json('{"id":"b","count":123456789012345678901234567890}');
    is( $big->to_json, '{"count":123456789012345678901234567890,"id":"b"}', 'big integers stay exact' );
    my $secret = TestAPI::Thing->new( id => 's', token => 'hunter2' );
    unlike( "$secret", qr/hunter2/xms, 'secrets are redacted when stringified' );
    like( $secret->to_json, qr/hunter2/xms, 'but sent' );
    $err = error_of( sub { TestAPI::Thing->from_json('{"id":') } );
    isa_ok( $err, 'ChatKit::Error::Validation', 'invalid JSON' );
};

subtest 'pagination' => sub {
    my $server = TestServer->start(
        { json => { data => [ { id => 'a' }, { id => 'b' } ], has_more => JSON::PP::true } },
        { json => { data => [ { id => 'c' } ], has_more => JSON::PP::false } },
    );
    my $pager = ChatKit::Runtime::Pager->new( client($server), $TestAPI::Client::OP{list} );
    is_deeply( [ map { $_->id } $pager->all ], [qw(a b c)], 'every item' );
    my @r = $server->requests;
    is_deeply( [ map { $_->{path} } @r ], [ '/things', '/things?after=b' ], 'cursor from the last id' );
};

subtest 'server-sent events' => sub {
    my $body = qq{event: thing\ndata: {"id":"e1"}\n\n: comment\ndata: {"id":"e2"}\n\ndata: [DONE]\n\n};
    my $server = TestServer->start( { body => $body, headers => { 'Content-Type' => 'text/event-stream' } } );
    my $stream = client($server)->call('events');
    my @ids = map { $_->id } $stream->all;
    is_deeply( \@ids, [qw(e1 e2)], 'an iterator of typed events' );
    my @seen;
    client($server)->call( events => { on_event => sub { push @seen, $_[1]{event} // q{} } } );
    is_deeply( \@seen, [ 'thing', q{} ], 'or a callback' );
};

subtest 'multipart uploads' => sub {
    my $server = TestServer->start( { status => 204 } );
    client($server)->call( upload => body => { purpose => 'test', file => { content => "a\0b", filename => 'x.bin' } } );
    my ($r) = $server->requests;
    like( $r->{headers}{'content-type'}, qr{\Amultipart/form-data;[ ]boundary=}xms, 'content type' );
    like( $r->{body}, qr/name="file";[ ]filename="x[.]bin"\r\nContent-Type:[ ]application\/octet-stream\r\n\r\na\0b\r\n/xms, 'the file part' );
    like( $r->{body}, qr/name="purpose"\r\n.*\r\n\r\ntest\r\n/xms, 'the text part' );
    open my $fh, '<', \"from a handle" or die;
    client($server)->call( upload => body => { file => $fh } );
    my ( undef, $second ) = $server->requests;
    like( $second->{body}, qr/name="file";[ ]filename="file"\r\n.*\r\n\r\nfrom[ ]a[ ]handle\r\n/xms, 'a file handle' );
};

subtest 'retry policy' => sub {
    ok( should_retry_status( 409, {} ), '409' );
    ok( !should_retry_status( 400, {} ), 'not 400' );
    ok( should_retry_status( 400, { 'x-should-retry' => 'true' } ), 'forced' );
    is( retry_after_seconds( { 'retry-after-ms' => '250', 'retry-after' => '9' }, 0 ), 0.25, 'ms wins' );
    is( retry_after_seconds( { 'retry-after' => '61' }, 0 ), undef, 'too long is ignored' );
    is( retry_after_seconds( { 'retry-after' => 'Thu, 01 Jan 1970 00:00:10 GMT' }, 4 ), 6, 'an HTTP date' );
    is( retry_delay( 0, {}, 0.5, 0 ), 0.5, 'initial delay' );
    is( retry_delay( 10, {}, 0.5, 0 ), 8, 'capped' );
    is( retry_delay( 1, {}, 0, 0 ), 0.75, 'jitter low end' );
};

done_testing;

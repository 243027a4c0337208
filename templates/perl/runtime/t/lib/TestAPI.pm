package TestAPI;

# A small client and models written against the runtime, as the generator writes them, so
# the runtime tests do not depend on the spec the distribution was generated from.

use strict;
use warnings;

package TestAPI::Status;
sub _type { return { t => 'enum', base => 'string', values => [ 'active', 'done' ] } }
sub is_known { my ( undef, $v ) = @_; return ( grep { $_ eq $v } 'active', 'done' ) ? 1 : 0 }

package TestAPI::Thing;
use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();
my @FIELDS = (
    { arg => 'id',     key => 'id',     required => 1, secret => 0, type => { t => 'string', min_length => 1 } },
    { arg => 'status', key => 'status', required => 0, secret => 0, type => { t => 'model', class => 'TestAPI::Status' } },
    { arg => 'token',  key => 'token',  required => 0, secret => 1, type => { t => 'string' } },
    { arg => 'flag',   key => 'flag',   required => 0, secret => 0, type => { t => 'boolean' } },
    { arg => 'count',  key => 'count',  required => 0, secret => 0, type => { t => 'nullable', of => { t => 'integer', minimum => 0 } } },
    { arg => 'kind',   key => 'kind',   required => 0, secret => 0, type => { t => 'enum', base => 'string', values => [ 'a', 'b' ] } },
    { arg => 'tags',   key => 'tags',   required => 0, secret => 0, type => { t => 'array', of => { t => 'string' } } },
);
sub _fields { return \@FIELDS }
sub id     { return $_[0]{_v}{id} }
sub status { return $_[0]{_v}{status} }
sub flag   { return $_[0]{_v}{flag} }
sub count  { return $_[0]{_v}{count} }
sub has_count { return exists $_[0]{_v}{count} ? 1 : 0 }

package TestAPI::Page;
use parent -norequire, 'ChatKit::Runtime::Model';
my @PAGE = (
    { arg => 'data', key => 'data', required => 1, secret => 0, type => { t => 'array', of => { t => 'model', class => 'TestAPI::Thing' } } },
    { arg => 'has_more', key => 'has_more', required => 0, secret => 0, type => { t => 'boolean' } },
);
sub _fields { return \@PAGE }

package TestAPI::Client;
use parent -norequire, 'ChatKit::Runtime::Client';
use ChatKit::Runtime::Client ();
my $CONFIG = {
    name             => 'TestAPI',
    version          => '1.0',
    base_url_env     => 'TESTAPI_BASE_URL',
    default_base_url => 'http://127.0.0.1:9',
    auth     => [ { name => 'bearer', kind => 'bearer', args => ['api_key'], envs => ['TESTAPI_API_KEY'], required => 1 } ],
    security => [ ['bearer'] ],
};
sub _config { return $CONFIG }

our %OP = (
    get => {
        name      => 'things->get',
        method    => 'GET',
        path      => '/things/{thing_id}',
        path_args => ['thing_id'],
        params    => [
            { name => 'thing_id', in => 'path', arg => 'thing_id', type => { t => 'string' }, required => 1, style => 'simple', explode => 0 },
            { name => 'X-Beta', in => 'header', const => 'beta=1', required => 1, style => 'simple', explode => 0 },
            { name => 'tags', in => 'query', arg => 'tags', type => { t => 'array', of => { t => 'string' } }, required => 0, style => 'form', explode => 1 },
        ],
        response => { encoding => 'json', type => { t => 'model', class => 'TestAPI::Thing' } },
    },
    create => {
        name      => 'things->create',
        method    => 'POST',
        path      => '/things',
        path_args => [],
        params    => [],
        body      => { encoding => 'json', content_type => 'application/json', type => { t => 'model', class => 'TestAPI::Thing' }, required => 1, fields => 1 },
        response  => { encoding => 'json', type => { t => 'model', class => 'TestAPI::Thing' } },
    },
    upload => {
        name      => 'things->upload',
        method    => 'POST',
        path      => '/files',
        path_args => [],
        params    => [],
        body      => { encoding => 'multipart', content_type => 'multipart/form-data', type => { t => 'map', of => { t => 'any' } }, required => 1 },
        response  => { encoding => 'none' },
    },
    list => {
        name       => 'things->list',
        method     => 'GET',
        path       => '/things',
        path_args  => [],
        params     => [ { name => 'after', in => 'query', arg => 'after', type => { t => 'string' }, required => 0, style => 'form', explode => 1 } ],
        response   => { encoding => 'json', type => { t => 'model', class => 'TestAPI::Page' } },
        pagination => { style => 'cursor', items => 'data', arg => 'after', has_more => 'has_more' },
    },
    events => {
        name      => 'things->events',
        method    => 'GET',
        path      => '/events',
        path_args => [],
        params    => [],
        response  => { encoding => 'json', type => undef },
        stream    => { type => { t => 'model', class => 'TestAPI::Thing' } },
        accept    => 'text/event-stream',
    },
);

sub call { my ( $self, $name, @args ) = @_; return $self->_call( $OP{$name}, @args ) }

1;

# The shared contract against the Prism mock of spec/chatkit.yaml, through the generated client.
# Run by tests/perl/test_perl.py with CHATKIT_BASE_URL pointing at Prism.
use strict;
use warnings;

use Test::More;
use Scalar::Util qw(blessed);
use ChatKit;
use ChatKit::Model::ChatSessionStatus;

my $client = ChatKit->new( api_key => 'sk-test', max_retries => 0 );

my $created = $client->sessions->create( user => 'user_789', workflow => { id => 'workflow_alpha' } );
isa_ok( $created, 'ChatKit::Model::ChatSession' );
like( $created->id, qr/\S/xms, 'an id' );
is( $created->object, 'chatkit.session', 'the const field' );
ok( ChatKit::Model::ChatSessionStatus->is_known( $created->status ), 'a known status' );
isa_ok( $created->workflow, 'ChatKit::Model::ChatKitWorkflow' );
isa_ok( $created->chatkit_configuration->file_upload->enabled, 'JSON::PP::Boolean', 'booleans' );
ok( $created->has_client_secret, 'a client secret' );
unlike( "$created", qr/\Q${\ $created->client_secret }\E/xms, 'redacted when stringified' );

my $full = $client->sessions->create(
    user     => 'user_789',
    workflow => {
        id              => 'workflow_alpha',
        version         => '3',
        state_variables => { plan => 'pro', beta_features => JSON::PP::true, seats => 12 },
        tracing         => { enabled => JSON::PP::false },
    },
    expires_after         => { anchor => 'created_at', seconds => 300 },
    rate_limits           => { max_requests_per_1_minute => 60 },
    chatkit_configuration => { history => { enabled => JSON::PP::true, recent_threads => 10 } },
);
isa_ok( $full, 'ChatKit::Model::ChatSession', 'every override accepted by the mock' );

my $cancelled = $client->sessions->cancel('cksess_123');
isa_ok( $cancelled, 'ChatKit::Model::ChatSession' );

my $err = eval { $client->sessions->create( user => q{}, workflow => { id => 'w' } ); 1 } ? undef : $@;
isa_ok( $err, 'ChatKit::Error::Validation', 'checked before sending' );
is( $err->path, 'user', 'naming the field' );

my $bad = ChatKit->new( api_key => 'sk-test', max_retries => 0, default_headers => { Prefer => 'code=404' } );
$err = eval { $bad->sessions->cancel('cksess_404'); 1 } ? undef : $@;
isa_ok( $err, 'ChatKit::Error::NotFound', 'a 404 from the mock' );
is( $err->status, 404, 'its status' );

done_testing;

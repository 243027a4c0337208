# The spec's own examples of its object schemas and JSON responses: each decodes, and its round
# trip (from_hash, to_hash) gives back exactly the same JSON. An example that does not match its
# schema is reported as a TODO test (the spec's example is wrong, not the client).
use strict;
use warnings;

use Test::More;
use ChatKit::Runtime::JSON  ();
use ChatKit::Runtime::Types qw(same_json load_class);

my @EXAMPLES = (
    [   '#/components/schemas/SessionCreateParams example 1',
        'ChatKit::Model::SessionCreateParams',
        { 'user' => 'user_789', 'workflow' => { 'id' => 'workflow_alpha' } }
    ],
    [   'CreateChatSession 200 active',
        'ChatKit::Model::ChatSession',
        {   'id'            => 'cksess_123',
            'object'        => 'chatkit.session',
            'expires_at'    => 1735689600,
            'client_secret' => 'ek_token_123',
            'workflow'      => {
                'id'              => 'workflow_alpha',
                'version'         => '3',
                'state_variables' =>
                    { 'plan' => 'pro', 'beta_features' => JSON::PP::true, 'seats' => 12 },
                'tracing' => { 'enabled' => JSON::PP::true }
            },
            'user'                      => 'user_789',
            'rate_limits'               => { 'max_requests_per_1_minute' => 60 },
            'max_requests_per_1_minute' => 60,
            'status'                    => 'active',
            'chatkit_configuration'     => {
                'automatic_thread_titling' => { 'enabled' => JSON::PP::true },
                'file_upload'              =>
                    { 'enabled' => JSON::PP::true, 'max_file_size' => 16, 'max_files' => 20 },
                'history' => { 'enabled' => JSON::PP::true, 'recent_threads' => undef }
            }
        }
    ],
    [   'CancelChatSession 200 cancelled',
        'ChatKit::Model::ChatSession',
        {   'id'            => 'cksess_123',
            'object'        => 'chatkit.session',
            'expires_at'    => 1712349876,
            'client_secret' => 'ek_token_123',
            'workflow'      => {
                'id'              => 'workflow_alpha',
                'version'         => undef,
                'state_variables' => undef,
                'tracing'         => { 'enabled' => JSON::PP::true }
            },
            'user'                      => 'user_789',
            'rate_limits'               => { 'max_requests_per_1_minute' => 10 },
            'max_requests_per_1_minute' => 10,
            'status'                    => 'cancelled',
            'chatkit_configuration'     => {
                'automatic_thread_titling' => { 'enabled' => JSON::PP::true },
                'file_upload'              => {
                    'enabled'       => JSON::PP::false,
                    'max_file_size' => undef,
                    'max_files'     => undef
                },
                'history' => { 'enabled' => JSON::PP::true, 'recent_threads' => 10 }
            }
        }
    ],
);

for my $example (@EXAMPLES) {
    my ( $label, $class, $value ) = @{$example};
    my $model = eval { load_class($class)->from_hash($value) };
    if ( !$model ) {
    TODO: {
            local $TODO = 'the example does not match its schema';
            fail("$label: $@");
        }
        next;
    }
    ok( same_json( $model->to_hash, $value ), "$label: exact round trip" );
}

pass('examples checked') if !@EXAMPLES;
done_testing;

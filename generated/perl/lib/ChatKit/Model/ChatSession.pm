package ChatKit::Model::ChatSession;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'id', key => 'id', required => 1, secret => 0, type => { t => 'string' } },
    {   arg      => 'object',
        key      => 'object',
        required => 1,
        secret   => 0,
        type     => { t => 'const', value => 'chatkit.session' }
    },
    {   arg      => 'expires_at',
        key      => 'expires_at',
        required => 1,
        secret   => 0,
        type     => { t => 'integer' }
    },
    {   arg      => 'client_secret',
        key      => 'client_secret',
        required => 1,
        secret   => 1,
        type     => { t => 'string' }
    },
    {   arg      => 'workflow',
        key      => 'workflow',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatKitWorkflow' }
    },
    { arg => 'user', key => 'user', required => 1, secret => 0, type => { t => 'string' } },
    {   arg      => 'rate_limits',
        key      => 'rate_limits',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionRateLimits' }
    },
    {   arg      => 'max_requests_per_1_minute',
        key      => 'max_requests_per_1_minute',
        required => 1,
        secret   => 0,
        type     => { t => 'integer' }
    },
    {   arg      => 'status',
        key      => 'status',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionStatus' }
    },
    {   arg      => 'chatkit_configuration',
        key      => 'chatkit_configuration',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionChatKitConfiguration' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSession - Represents a ChatKit session and its resolved configuration.

=head1 DESCRIPTION

Represents a ChatKit session and its resolved configuration.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSession->new(...);
    my $same  = ChatKit::Model::ChatSession->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item id (required)

C<id>: Str. Identifier for the ChatKit session.

=item has_id

=item object (required)

C<object>: Const['chatkit.session']. Type discriminator that is always `chatkit.session`.

=item has_object

=item expires_at (required)

C<expires_at>: Int. Unix timestamp (in seconds) for when the session expires.

=item has_expires_at

=item client_secret (required)

C<client_secret>: Str, secret (redacted in C<dump>). Ephemeral client secret that authenticates session requests.

=item has_client_secret

=item workflow (required)

C<workflow>: ChatKit::Model::ChatKitWorkflow. Workflow metadata for the session.

=item has_workflow

=item user (required)

C<user>: Str. User identifier associated with the session.

=item has_user

=item rate_limits (required)

C<rate_limits>: ChatKit::Model::ChatSessionRateLimits. Resolved rate limit values.

=item has_rate_limits

=item max_requests_per_1_minute (required)

C<max_requests_per_1_minute>: Int. Convenience copy of the per-minute request limit.

=item has_max_requests_per_1_minute

=item status (required)

C<status>: ChatKit::Model::ChatSessionStatus. Current lifecycle state of the session.

=item has_status

=item chatkit_configuration (required)

C<chatkit_configuration>: ChatKit::Model::ChatSessionChatKitConfiguration. Resolved ChatKit feature configuration for the session.

=item has_chatkit_configuration

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut

package ChatKit::Model::SessionCreateParams;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'user',
        key      => 'user',
        required => 1,
        secret   => 0,
        type     => { t => 'string', min_length => 1 }
    },
    {   arg      => 'workflow',
        key      => 'workflow',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionWorkflowParam' }
    },
    {   arg      => 'expires_after',
        key      => 'expires_after',
        required => 0,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionExpiresAfterParam' }
    },
    {   arg      => 'rate_limits',
        key      => 'rate_limits',
        required => 0,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionRateLimitsParam' }
    },
    {   arg      => 'chatkit_configuration',
        key      => 'chatkit_configuration',
        required => 0,
        secret   => 0,
        type => { t => 'model', class => 'ChatKit::Model::ChatSessionChatKitConfigurationParam' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::SessionCreateParams - Parameters for provisioning a new ChatKit session.

=head1 DESCRIPTION

Parameters for provisioning a new ChatKit session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::SessionCreateParams->new(...);
    my $same  = ChatKit::Model::SessionCreateParams->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item user (required)

C<user>: Str. A free-form string that identifies your end user; ensures this Session can access other objects that have the same `user` scope.

=item has_user

=item workflow (required)

C<workflow>: ChatKit::Model::ChatSessionWorkflowParam. Workflow that powers the session.

=item has_workflow

=item expires_after

C<expires_after>: ChatKit::Model::ChatSessionExpiresAfterParam. Optional override for session expiration timing in seconds from creation. Defaults to 10 minutes.

=item has_expires_after

=item rate_limits

C<rate_limits>: ChatKit::Model::ChatSessionRateLimitsParam. Optional override for per-minute request limits. When omitted, defaults to 10.

=item has_rate_limits

=item chatkit_configuration

C<chatkit_configuration>: ChatKit::Model::ChatSessionChatKitConfigurationParam. Optional overrides for ChatKit runtime configuration features.

=item has_chatkit_configuration

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=head1 EXAMPLE

    {
      "user": "user_789",
      "workflow": {
        "id": "workflow_alpha"
      }
    }

=cut

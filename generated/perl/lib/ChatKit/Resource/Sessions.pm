package ChatKit::Resource::Sessions;

use strict;
use warnings;

use ChatKit::Runtime::Pager ();

our $VERSION = '0.1.0';

my $CREATE = {
    name      => 'sessions->create',
    method    => 'POST',
    path      => '/chatkit/sessions',
    path_args => [],
    params    => [
        {   name     => 'OpenAI-Beta',
            in       => 'header',
            const    => 'chatkit_beta=v1',
            required => 1,
            style    => 'simple',
            explode  => 0
        }
    ],
    body => {
        encoding     => 'json',
        content_type => 'application/json',
        type         => { t => 'model', class => 'ChatKit::Model::SessionCreateParams' },
        required     => 1,
        fields       => 1
    },
    response =>
        { encoding => 'json', type => { t => 'model', class => 'ChatKit::Model::ChatSession' } }
};

my $CANCEL = {
    name      => 'sessions->cancel',
    method    => 'POST',
    path      => '/chatkit/sessions/{session_id}/cancel',
    path_args => ['session_id'],
    params    => [
        {   name     => 'session_id',
            in       => 'path',
            arg      => 'session_id',
            type     => { t => 'string', min_length => 1 },
            required => 1,
            style    => 'simple',
            explode  => 0
        },
        {   name     => 'OpenAI-Beta',
            in       => 'header',
            const    => 'chatkit_beta=v1',
            required => 1,
            style    => 'simple',
            explode  => 0
        }
    ],
    response =>
        { encoding => 'json', type => { t => 'model', class => 'ChatKit::Model::ChatSession' } }
};

sub new {
    my ( $class, $client ) = @_;
    return bless { client => $client }, $class;
}

# The client this resource calls through.
sub client {
    my ($self) = @_;
    return $self->{client};
}

sub create {
    my ( $self, @args ) = @_;
    return $self->{client}->_call( $CREATE, @args );
}

sub cancel {
    my ( $self, @args ) = @_;
    return $self->{client}->_call( $CANCEL, @args );
}

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Resource::Sessions - C<< $client->sessions >>

=head1 SYNOPSIS

    use ChatKit;
    my $client = ChatKit->new;
    my $result1 = $client->sessions->create(user => ..., workflow => ...);
    my $result2 = $client->sessions->cancel($session_id);

=head1 DESCRIPTION

Every method takes its path parameters first, then named arguments, then an
optional hash ref of request options: C<timeout> (seconds), C<headers> (extra
headers), C<max_retries>.
A request body's fields are named arguments; the whole body may be given instead as
C<< body => $model >> or C<< body => { wire names } >> (unknown fields are sent as given).
An argument left out is never sent.

=head1 METHODS

=over 4

=item create

C<< $client->sessions->create(user => ..., workflow => ...) >>: Create ChatKit session (C<POST /chatkit/sessions>). Returns ChatKit::Model::ChatSession.

Create a ChatKit session.

=over 4

=item user (required)

body, Str. A free-form string that identifies your end user; ensures this Session can access other objects that have the same `user` scope.

=item workflow (required)

body, ChatKit::Model::ChatSessionWorkflowParam. Workflow that powers the session.

=item expires_after

body, ChatKit::Model::ChatSessionExpiresAfterParam. Optional override for session expiration timing in seconds from creation. Defaults to 10 minutes.

=item rate_limits

body, ChatKit::Model::ChatSessionRateLimitsParam. Optional override for per-minute request limits. When omitted, defaults to 10.

=item chatkit_configuration

body, ChatKit::Model::ChatSessionChatKitConfigurationParam. Optional overrides for ChatKit runtime configuration features.

=back

=item cancel

C<< $client->sessions->cancel($session_id) >>: Cancel chat session (C<POST /chatkit/sessions/{session_id}/cancel>). Returns ChatKit::Model::ChatSession.

Cancel an active ChatKit session and return its most recent metadata.

Cancelling prevents new requests from using the issued client secret.

=over 4

=item session_id (required)

path, Str. Unique identifier for the ChatKit session to cancel.

=back

=item new

=item client

=back

=cut

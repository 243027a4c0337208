package ChatKit::Model::ChatSessionWorkflowParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'id',      key => 'id',      required => 1, secret => 0, type => { t => 'string' } },
    { arg => 'version', key => 'version', required => 0, secret => 0, type => { t => 'string' } },
    {   arg      => 'state_variables',
        key      => 'state_variables',
        required => 0,
        secret   => 0,
        type     => {
            t  => 'map',
            of => {
                t  => 'union',
                of => [ { t => 'string' }, { t => 'boolean' }, { t => 'number' } ]
            },
            max_properties => 64
        }
    },
    {   arg      => 'tracing',
        key      => 'tracing',
        required => 0,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatSessionWorkflowTracingParam' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionWorkflowParam - Workflow reference and overrides applied to the chat session.

=head1 DESCRIPTION

Workflow reference and overrides applied to the chat session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionWorkflowParam->new(...);
    my $same  = ChatKit::Model::ChatSessionWorkflowParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item id (required)

C<id>: Str. Identifier for the workflow invoked by the session.

=item has_id

=item version

C<version>: Str. Specific workflow version to run. Defaults to the latest deployed version.

=item has_version

=item state_variables

C<state_variables>: HashRef[Str | Bool | Num]. State variables forwarded to the workflow. Keys may be up to 64 characters, values must be strings, booleans or numbers, and the map defaults to an empty object.

=item has_state_variables

=item tracing

C<tracing>: ChatKit::Model::ChatSessionWorkflowTracingParam. Optional tracing overrides for the workflow invocation. When omitted, tracing is enabled by default.

=item has_tracing

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut

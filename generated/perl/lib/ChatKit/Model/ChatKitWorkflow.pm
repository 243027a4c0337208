package ChatKit::Model::ChatKitWorkflow;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'id', key => 'id', required => 1, secret => 0, type => { t => 'string' } },
    {   arg      => 'version',
        key      => 'version',
        required => 1,
        secret   => 0,
        type     => { t => 'nullable', of => { t => 'string' } }
    },
    {   arg      => 'state_variables',
        key      => 'state_variables',
        required => 1,
        secret   => 0,
        type     => {
            t  => 'nullable',
            of => {
                t  => 'map',
                of => {
                    t  => 'union',
                    of => [ { t => 'string' }, { t => 'boolean' }, { t => 'number' } ]
                }
            }
        }
    },
    {   arg      => 'tracing',
        key      => 'tracing',
        required => 1,
        secret   => 0,
        type     => { t => 'model', class => 'ChatKit::Model::ChatKitWorkflowTracing' }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatKitWorkflow - Workflow metadata and state returned for the session.

=head1 DESCRIPTION

Workflow metadata and state returned for the session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatKitWorkflow->new(...);
    my $same  = ChatKit::Model::ChatKitWorkflow->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item id (required)

C<id>: Str. Identifier of the workflow backing the session.

=item has_id

=item version (required)

C<version>: Maybe[Str]. Specific workflow version used for the session. Null when using the latest deployment.

=item has_version

=item state_variables (required)

C<state_variables>: Maybe[HashRef[Str | Bool | Num]]. State variable key-value pairs applied when invoking the workflow. Each value is a string, a boolean or a number. Null when no overrides were provided.

=item has_state_variables

=item tracing (required)

C<tracing>: ChatKit::Model::ChatKitWorkflowTracing. Tracing settings applied to the workflow.

=item has_tracing

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut

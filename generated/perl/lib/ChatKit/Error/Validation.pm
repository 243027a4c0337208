package ChatKit::Error::Validation;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error';
use ChatKit::Error ();

our $VERSION = '0.01';

sub new {
    my ( $class, %args ) = @_;
    my $self = ChatKit::Error::new( $class, %args );
    $self->{path} = q{} if !defined $self->{path};
    return $self;
}

# The dotted JSON path of the bad value ('' for the whole value).
sub path { my ($self) = @_; return $self->{path} }

# What was wrong, without the path.
sub reason { my ($self) = @_; return $self->{reason} }

1;

__END__

=head1 NAME

ChatKit::Error::Validation - a value does not fit its schema

=head1 DESCRIPTION

Thrown by C<new>, C<from_hash> and C<from_json> of every model, and by a call
whose arguments are invalid, before anything is sent.

=head1 METHODS

=over 4

=item path

The dotted JSON path of the bad value, e.g. C<workflow.id>; empty for the whole value.

=item reason

=item message

C<"workflow.id: is required">.

=back

=cut
